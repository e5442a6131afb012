import type { CreateNotificationDTO } from "@medusajs/framework/types"
import type { RenderedMail } from "../../modules/notification-mail/templates"

/**
 * An e-mail about an order as the Notification Module records it: "email" channel,
 * the order as its resource, and an idempotency key so a repeated event or a retried
 * workflow sends nothing twice. `content` is the composed mail (subject, text, html);
 * without it the provider renders `template` from `data` (the order confirmation).
 */
export function orderNotification(
  orderId: string,
  mail: {
    to: string
    template: string
    content?: RenderedMail
    data: Record<string, unknown>
    trigger: string
    idempotencyKey: string
  }
): CreateNotificationDTO {
  return {
    to: mail.to,
    channel: "email",
    template: mail.template,
    ...(mail.content ? { content: mail.content } : {}),
    data: mail.data,
    trigger_type: mail.trigger,
    resource_id: orderId,
    resource_type: "order",
    idempotency_key: mail.idempotencyKey,
  }
}
