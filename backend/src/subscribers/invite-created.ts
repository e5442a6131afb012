import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InviteWorkflowEvents } from "@medusajs/framework/utils"
import { sendInviteEmailWorkflow } from "../workflows/staff/send-invite-email"

/** Sends the invite link when staff invite a colleague in the admin, and again when they resend it. */
export default async function inviteCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendInviteEmailWorkflow(container).run({ input: { id: event.data.id, trigger: event.name } })
}

export const config: SubscriberConfig = {
  event: [InviteWorkflowEvents.CREATED, InviteWorkflowEvents.RESENT],
  context: { subscriberId: "invite-mail" },
}
