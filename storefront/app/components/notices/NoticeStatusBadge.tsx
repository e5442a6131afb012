import { Badge, type BadgeTone } from "~/components/Badge";
import type { AuthorNoticeStatus } from "~/lib/notices/notices.server";

export const NOTICE_STATUS_LABELS: Record<AuthorNoticeStatus, string> = {
  current: "Actueel",
  planned: "Gepland",
  ended: "Afgelopen",
  withdrawn: "Ingetrokken",
};

const TONE: Record<AuthorNoticeStatus, BadgeTone> = { current: "green", planned: "sky", ended: "slate", withdrawn: "red" };

/** A notice's status in words (never colour alone). */
export function NoticeStatusBadge({ status }: { status: AuthorNoticeStatus }) {
  return (
    <Badge tone={TONE[status]} testId="notice-status">
      {NOTICE_STATUS_LABELS[status]}
    </Badge>
  );
}
