import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AuthWorkflowEvents } from "@medusajs/framework/utils"
import { sendPasswordResetMailWorkflow, type PasswordResetEvent } from "../workflows/my-group/send-password-reset-mail"

/**
 * Medusa's reset-password flow (`POST /auth/{customer|user}/emailpass/reset-password`)
 * emits this event with a single-use token; Medusa sends no e-mail itself. Group admins
 * (customers) get a link to the storefront, staff (users) to the admin's reset page.
 */
export default async function passwordResetHandler({ event: { data }, container }: SubscriberArgs<PasswordResetEvent>) {
  await sendPasswordResetMailWorkflow(container).run({ input: data })
}

export const config: SubscriberConfig = {
  event: AuthWorkflowEvents.PASSWORD_RESET,
  context: { subscriberId: "password-reset-mail" },
}
