import crypto from "node:crypto"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { STAFF_INVITE_TEMPLATE, staffInvite } from "../../modules/notification-mail/operations-templates"

export const sendInviteEmailWorkflowId = "send-invite-email"

/** Medusa's admin accepts invites at /app/invite?token=… (the token is a signed JWT). */
export function inviteUrl(adminUrl: string, token: string): string {
  return `${adminUrl}/invite?token=${encodeURIComponent(token)}`
}

/**
 * E-mails a new colleague the link to accept Medusa's invite (Settings → Users →
 * Invite, or resend). Accepting creates their staff login. Accepted or expired
 * invites get nothing; a resent invite has a new token and so a new mail.
 */
export const sendInviteEmailWorkflow = createWorkflow(sendInviteEmailWorkflowId, (input: { id: string; trigger: string }) => {
  const { data: invites } = useQueryGraphStep({
    entity: "invite",
    fields: ["id", "email", "token", "accepted", "expires_at"],
    filters: { id: input.id },
  })

  const notifications = transform({ invites, input }, ({ invites, input }): CreateNotificationDTO[] => {
    const invite = invites[0] as any
    if (!invite?.email || !invite.token || invite.accepted) return []
    if (invite.expires_at && new Date(invite.expires_at).getTime() < Date.now()) return []
    const { adminUrl } = readShopSettings()
    const tokenHash = crypto.createHash("sha256").update(invite.token).digest("hex").slice(0, 16)
    return [
      {
        to: invite.email,
        channel: "email",
        template: STAFF_INVITE_TEMPLATE,
        content: staffInvite({ invite_url: inviteUrl(adminUrl, invite.token), expires_at: invite.expires_at ?? null }),
        trigger_type: input.trigger,
        resource_id: invite.id,
        resource_type: "invite",
        idempotency_key: `invite:${invite.id}:${tokenHash}`,
      },
    ]
  })

  const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
    sendNotificationsStep(notifications)
  )
  return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
})
