import { Badge, type BadgeTone } from "~/components/Badge";
import { GROUP_STATUS_LABELS, type GroupStatus } from "~/lib/groups/group-view";

const TONE: Record<GroupStatus, BadgeTone> = { pending: "amber", approved: "green", rejected: "red", archived: "slate" };

/** A group's status in words (never colour alone). */
export function StatusBadge({ status }: { status: GroupStatus }) {
  return (
    <Badge tone={TONE[status]} testId="group-status">
      Status: {GROUP_STATUS_LABELS[status]}
    </Badge>
  );
}
