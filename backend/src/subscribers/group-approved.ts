import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GroupEvents } from "../modules/neighbourhood-group/events"
import { sendGroupMailsWorkflow } from "../workflows/groups/send-group-mails"

/** E-mails a group's admin that the group is approved and listed. */
export default async function groupApprovedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await sendGroupMailsWorkflow(container).run({ input: { id: data.id, kind: "approved" } })
}

export const config: SubscriberConfig = {
  event: GroupEvents.APPROVED,
  context: { subscriberId: "neighbourhood-group-approved-mail" },
}
