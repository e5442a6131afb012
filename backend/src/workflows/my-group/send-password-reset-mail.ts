import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { customerPasswordResetMail, GROUP_MAIL_TEMPLATES, staffPasswordResetMail } from "../groups/emails"
import { readShopSettings } from "../../config/env"
import type { MailLinks } from "../groups/settings"

export type PasswordResetEvent = { entity_id: string; actor_type: string; token: string; metadata?: Record<string, unknown> }

/** Where each actor sets the new password: the storefront for customers, Medusa's admin for staff. */
export function passwordResetLink(event: PasswordResetEvent, settings: MailLinks = readShopSettings()): string | null {
  const params = `token=${encodeURIComponent(event.token)}&email=${encodeURIComponent(event.entity_id)}`
  if (event.actor_type === "customer") return `${settings.storefrontUrl}/wachtwoord-instellen?${params}`
  // the dashboard's route /reset-password reads ?token= (the e-mail is inside the token); under /app
  if (event.actor_type === "user") return `${settings.adminUrl}/reset-password?${params}`
  return null
}

export const sendPasswordResetMailWorkflowId = "send-password-reset-mail"

/** Mails the link of Medusa's reset-password flow (event auth.password_reset) in Dutch. */
export const sendPasswordResetMailWorkflow = createWorkflow(sendPasswordResetMailWorkflowId, (input: PasswordResetEvent) => {
  const notifications = transform({ input }, ({ input }): CreateNotificationDTO[] => {
    const link = passwordResetLink(input)
    if (!link || !input.entity_id.includes("@")) return []
    const content = input.actor_type === "customer" ? customerPasswordResetMail(link) : staffPasswordResetMail(link)
    return [
      {
        to: input.entity_id,
        channel: "email",
        template: input.actor_type === "customer" ? GROUP_MAIL_TEMPLATES.passwordResetCustomer : GROUP_MAIL_TEMPLATES.passwordResetStaff,
        content,
        data: { subject: content.subject },
        trigger_type: "auth.password_reset",
        resource_type: input.actor_type,
      },
    ]
  })
  const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
    sendNotificationsStep(notifications)
  )
  return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
})
