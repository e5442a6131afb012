import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GroupEvents } from "../modules/neighbourhood-group/events"
import { sendGroupMailsWorkflow } from "../workflows/groups/send-group-mails"

/** E-mails a group's admin that the registration was rejected, with the reason. */
export default async function groupRejectedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await sendGroupMailsWorkflow(container).run({ input: { id: data.id, kind: "rejected" } })
}

export const config: SubscriberConfig = {
  event: GroupEvents.REJECTED,
  context: { subscriberId: "neighbourhood-group-rejected-mail" },
}
