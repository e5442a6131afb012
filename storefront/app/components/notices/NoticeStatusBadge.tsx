import type { AuthorNoticeStatus } from "~/lib/notices.server";

export const NOTICE_STATUS_LABELS: Record<AuthorNoticeStatus, string> = {
  current: "Actueel",
  planned: "Gepland",
  ended: "Afgelopen",
  withdrawn: "Ingetrokken",
};

const STYLES: Record<AuthorNoticeStatus, string> = {
  current: "bg-green-100 text-green-950 border-green-700",
  planned: "bg-sky-100 text-sky-950 border-sky-700",
  ended: "bg-slate-100 text-slate-900 border-slate-600",
  withdrawn: "bg-red-100 text-red-950 border-red-700",
};

/** A notice's status in words (never colour alone). */
export function NoticeStatusBadge({ status }: { status: AuthorNoticeStatus }) {
  return (
    <span data-testid="notice-status" className={`inline-block rounded-full border px-3 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      {NOTICE_STATUS_LABELS[status]}
    </span>
  );
}
