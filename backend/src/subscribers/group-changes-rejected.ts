import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GroupEvents } from "../modules/neighbourhood-group/events"
import { sendChangesRejectedMailWorkflow, type SendChangesRejectedMailInput } from "../workflows/groups/send-changes-rejected-mail"

/** E-mails a group's admin that staff did not take over their change of name or location. */
export default async function groupChangesRejectedHandler({ event: { data }, container }: SubscriberArgs<SendChangesRejectedMailInput>) {
  await sendChangesRejectedMailWorkflow(container).run({ input: data })
}

export const config: SubscriberConfig = {
  event: GroupEvents.CHANGES_REJECTED,
  context: { subscriberId: "neighbourhood-group-changes-rejected-mail" },
}
