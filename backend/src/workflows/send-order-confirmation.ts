import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { addressFields } from "../lib/html"
import { ITEM_LINE_FIELDS, itemLine } from "../lib/order-items"
import { ORDER_PLACED_TEMPLATE, type OrderPlacedData } from "../modules/notification-mail/templates"
import { readShopSettings } from "../config/env"
import { orderNotification } from "./orders/order-notification"

export const sendOrderConfirmationWorkflowId = "send-order-confirmation"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "no_notification",
  "item_total",
  "shipping_total",
  "tax_total",
  "total",
  ...ITEM_LINE_FIELDS,
  "items.unit_price",
  "items.total",
  "shipping_methods.name",
  "shipping_methods.total",
  ...addressFields("shipping_address"),
]

/**
 * The order confirmation e-mail ("Bedankt voor je bestelling #…") through the
 * Notification Module, which records it and hands it to the "email" provider
 * (src/modules/notification-mail). The idempotency key makes a repeated
 * order.placed event send nothing twice (a failed send may be retried).
 */
export const sendOrderConfirmationWorkflow = createWorkflow(sendOrderConfirmationWorkflowId, (input: { id: string }) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })

  const notifications = transform({ orders }, ({ orders }): CreateNotificationDTO[] => {
    const order = orders[0] as any
    if (!order?.email || order.no_notification) return []
    const num = (value: unknown) => Number(value ?? 0)
    const data: OrderPlacedData = {
      display_id: order.display_id,
      currency_code: order.currency_code,
      items: (order.items ?? []).map((i: any) => ({
        ...itemLine(i),
        unit_price: num(i.unit_price),
        total: num(i.total),
      })),
      shipping_methods: (order.shipping_methods ?? []).map((m: any) => ({ name: m.name, total: num(m.total) })),
      item_total: num(order.item_total),
      shipping_total: num(order.shipping_total),
      tax_total: num(order.tax_total),
      total: num(order.total),
      shipping_address: order.shipping_address ?? null,
      withdrawal_url: `${readShopSettings().storefrontUrl}/herroepen?bestelling=${order.display_id}`,
    }
    return [
      orderNotification(order.id, {
        to: order.email,
        template: ORDER_PLACED_TEMPLATE,
        data: data as unknown as Record<string, unknown>,
        trigger: "order.placed",
        idempotencyKey: `order-placed:${order.id}`,
      }),
    ]
  })

  const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
    sendNotificationsStep(notifications)
  )

  return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
})
