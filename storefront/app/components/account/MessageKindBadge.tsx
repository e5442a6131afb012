import { Badge, type BadgeTone } from "~/components/Badge";
import { KIND_LABELS, type MessageKind } from "~/lib/admin-messages/admin-messages";

const TONES: Record<MessageKind, BadgeTone> = { message: "sky", reply: "green", warning: "amber" };

/** "Bericht", "Antwoord" or "Waarschuwing" (in words; the colour only helps). */
export function MessageKindBadge({ kind }: { kind: MessageKind }) {
  return (
    <Badge tone={TONES[kind] ?? "slate"} testId="message-kind">
      {KIND_LABELS[kind] ?? "Bericht"}
    </Badge>
  );
}
