import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { GROUP_MAIL_TEMPLATES } from "../../workflows/groups/emails"
import { renderTemplate, type RenderedMail } from "./templates"

/** What nodemailer needs to compose one message (the same for SMTP and .eml files). */
export type MailMessage = {
  from: string
  to: string
  subject: string
  text: string
  html: string
  /** Replies go to the person behind the message (the group contact relay), not to the shop. */
  replyTo?: { name: string; address: string }
  /** Threading (relayed admin messages): the mail's own Message-ID, the one it answers and the chain. */
  messageId?: string
  inReplyTo?: string
  references?: string[]
  attachments?: { filename: string; content: string; contentType?: string; encoding?: string }[]
}

/**
 * The mails about neighbourhood groups (registration, confirmation, moderation, the contact
 * relay, the group admin's account): they come from the groups' sender, not from the
 * order address. The staff's own password reset stays with the shop's sender.
 */
const GROUP_TEMPLATES = new Set<string>(
  Object.entries(GROUP_MAIL_TEMPLATES)
    .filter(([key]) => key !== "passwordResetStaff")
    .map(([, template]) => template)
)

/** Whether a template is a mail about a group (sent from MAIL_FROM_GROUPS). */
export function isGroupMail(template: string | undefined | null): boolean {
  return Boolean(template && GROUP_TEMPLATES.has(template))
}

/**
 * One message builder for both transports. Content passed with the notification
 * (`content.subject/text/html`) wins; otherwise the named template renders `data`.
 */
export function buildMailMessage(notification: ProviderSendNotificationDTO, defaultFrom: string, groupsFrom?: string): MailMessage {
  const content = notification.content
  let rendered: RenderedMail
  if (content?.subject && (content.text || content.html)) {
    rendered = { subject: content.subject, text: content.text ?? "", html: content.html ?? "" }
  } else {
    rendered = renderTemplate(notification.template, (notification.data ?? {}) as Record<string, unknown>)
  }
  const message: MailMessage = {
    from: notification.from?.trim() || (groupsFrom && isGroupMail(notification.template) ? groupsFrom : defaultFrom),
    to: notification.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
  }
  const providerData = notification.provider_data as
    | { reply_to?: { name?: string; address?: string }; thread?: { message_id?: unknown; in_reply_to?: unknown; references?: unknown } }
    | undefined
  const replyTo = providerData?.reply_to
  if (replyTo?.address) message.replyTo = { name: replyTo.name ?? "", address: replyTo.address }
  const thread = providerData?.thread
  if (thread) {
    if (isMessageId(thread.message_id)) message.messageId = thread.message_id
    if (isMessageId(thread.in_reply_to)) message.inReplyTo = thread.in_reply_to
    const references = Array.isArray(thread.references) ? thread.references.filter(isMessageId) : []
    if (references.length) message.references = references
  }
  if (notification.attachments?.length) {
    message.attachments = notification.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.content_type,
      encoding: "base64",
    }))
  }
  return message
}

/** A Message-ID as the shop writes them (`<id@host>`): nothing else reaches a header. */
function isMessageId(value: unknown): value is string {
  return typeof value === "string" && /^<[A-Za-z0-9._+-]{1,200}@[A-Za-z0-9.-]{1,253}>$/.test(value)
}
