import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GroupEvents } from "../modules/neighbourhood-group/events"
import { sendGroupMailsWorkflow } from "../workflows/groups/send-group-mails"
import { sendGroupAccountMailWorkflow } from "../workflows/my-group/send-account-mail"

/**
 * E-mails a group's admin that the group is approved and listed, and how to manage it
 * on "Mijn groep" (set a password for the new account, or sign in to an existing one).
 */
export default async function groupApprovedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await sendGroupMailsWorkflow(container).run({ input: { id: data.id, kind: "approved" } })
  await sendGroupAccountMailWorkflow(container).run({ input: { id: data.id } })
}

export const config: SubscriberConfig = {
  event: GroupEvents.APPROVED,
  context: { subscriberId: "neighbourhood-group-approved-mail" },
}
