import { GROUP_STATUS_LABELS, type GroupStatus } from "~/lib/group-view";

const STYLES: Record<GroupStatus, string> = {
  pending: "bg-amber-100 text-amber-950 border-amber-700",
  approved: "bg-green-100 text-green-950 border-green-700",
  rejected: "bg-red-100 text-red-950 border-red-700",
  archived: "bg-slate-100 text-slate-900 border-slate-600",
};

/** A group's status in words (never colour alone). */
export function StatusBadge({ status }: { status: GroupStatus }) {
  return (
    <span data-testid="group-status" className={`inline-block rounded-full border px-3 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      Status: {GROUP_STATUS_LABELS[status]}
    </span>
  );
}
