import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GroupEvents } from "../modules/neighbourhood-group/events"
import { sendGroupMailsWorkflow } from "../workflows/groups/send-group-mails"

/** E-mails the admin (we received your registration) and staff (a group awaits moderation). */
export default async function groupRegisteredHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await sendGroupMailsWorkflow(container).run({ input: { id: data.id, kind: "registered" } })
}

export const config: SubscriberConfig = {
  event: GroupEvents.REGISTERED,
  context: { subscriberId: "neighbourhood-group-registered-mail" },
}
