import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { addressFields } from "../../lib/html"
import { trackingLinks } from "../../lib/track-and-trace"
import { ORDER_SHIPPED_TEMPLATE, orderShipped } from "../../modules/notification-mail/operations-templates"
import { orderNotification } from "./order-notification"

export const sendShipmentNotificationWorkflowId = "send-shipment-notification"

const FULFILLMENT_FIELDS = [
  "id",
  "shipped_at",
  "canceled_at",
  "labels.tracking_number",
  "labels.tracking_url",
  "items.title",
  "items.sku",
  "items.quantity",
  "items.line_item_id",
  ...addressFields("delivery_address"),
  "order.id",
  "order.display_id",
  "order.email",
  "order.no_notification",
  "order.items.id",
  "order.items.product_title",
  "order.items.variant_title",
  "order.items.title",
  ...addressFields("order.shipping_address"),
]

/**
 * "Je bestelling is verzonden" to the customer when staff mark a fulfilment as shipped
 * (Medusa's `shipment.created`), with a track-and-trace link per tracking number: the
 * URL staff entered, else PostNL's page for the barcode and delivery postcode. Nothing
 * is sent when staff chose "no notification" or the order has no_notification. The
 * idempotency key makes a repeated event send nothing twice.
 */
export const sendShipmentNotificationWorkflow = createWorkflow(
  sendShipmentNotificationWorkflowId,
  (input: { fulfillment_id: string; no_notification?: boolean }) => {
    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: FULFILLMENT_FIELDS,
      filters: { id: input.fulfillment_id },
      options: { throwIfKeyNotFound: true },
    })

    const notifications = transform({ fulfillments, input }, ({ fulfillments, input }): CreateNotificationDTO[] => {
      const fulfillment = fulfillments[0] as any
      const order = fulfillment?.order
      if (!order?.email || order.no_notification || input.no_notification || fulfillment.canceled_at) return []
      const address = fulfillment.delivery_address?.postal_code ? fulfillment.delivery_address : order.shipping_address
      const lineItems = new Map<string, any>((order.items ?? []).filter(Boolean).map((i: any) => [i.id, i]))
      const content = orderShipped({
        display_id: order.display_id,
        items: (fulfillment.items ?? []).filter(Boolean).map((fi: any) => {
          const line = lineItems.get(fi.line_item_id)
          return {
            title: line?.product_title ?? fi.title,
            variant_title: line ? line.variant_title ?? null : null,
            quantity: Number(fi.quantity ?? 0),
          }
        }),
        tracking: trackingLinks(fulfillment.labels ?? [], address),
        shipping_address: order.shipping_address ?? address ?? null,
      })
      return [
        orderNotification(order.id, {
          to: order.email,
          template: ORDER_SHIPPED_TEMPLATE,
          content,
          data: { order_id: order.id, display_id: order.display_id, fulfillment_id: fulfillment.id },
          trigger: "shipment.created",
          idempotencyKey: `shipment-created:${fulfillment.id}`,
        }),
      ]
    })

    const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
      sendNotificationsStep(notifications)
    )
    return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
  }
)
