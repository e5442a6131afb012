import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import {
  WITHDRAWAL_RECEIVED_TEMPLATE,
  WITHDRAWAL_STAFF_TEMPLATE,
  withdrawalReceived,
  withdrawalStaffAlert,
} from "../../modules/notification-mail/withdrawal-templates"
import { readSeller, readShopSettings } from "../../config/env"
import { orderItemLines } from "../../lib/order-items"
import { orderNotification } from "./order-notification"
import { recordWithdrawalStep } from "./steps/record-withdrawal"

export const withdrawOrderWorkflowId = "withdraw-order"

/**
 * "Overeenkomst herroepen": records the withdrawal on the order (once) and, the first
 * time only, e-mails the shopper an acknowledgement with the date and time it was
 * received (the durable medium the directive asks for) and alerts staff. The
 * notifications' idempotency keys make a retried run send nothing twice; if sending
 * fails, the record step's compensation removes the withdrawal again so the shopper
 * can simply retry. Callers hold a lock per order (see the store route).
 */
export const withdrawOrderWorkflow = createWorkflow(withdrawOrderWorkflowId, (input: { order_id: string; now?: string }) => {
  const recorded = recordWithdrawalStep({ order_id: input.order_id, now: input.now })
  const order = transform({ recorded }, ({ recorded }) => recorded.order as any)

  const notifications = transform({ order, recorded }, ({ order, recorded }): CreateNotificationDTO[] => {
    if (!recorded.created) return []
    const seller = readSeller()
    const settings = readShopSettings()
    const { withdrawn_at } = recorded.withdrawal
    const data = { order_id: order.id, display_id: order.display_id, withdrawn_at }
    return [
      orderNotification(order.id, {
        to: order.email,
        template: WITHDRAWAL_RECEIVED_TEMPLATE,
        content: withdrawalReceived({
          display_id: order.display_id,
          withdrawn_at,
          first_name: order.shipping_address?.first_name ?? null,
          items: orderItemLines(order),
          return_address: `${seller.name}, ${seller.address}, ${seller.postcode} ${seller.city}`,
        }),
        data,
        trigger: "order.withdrawn",
        idempotencyKey: `withdrawal-received:${order.id}`,
      }),
      orderNotification(order.id, {
        to: settings.staffEmail,
        template: WITHDRAWAL_STAFF_TEMPLATE,
        content: withdrawalStaffAlert({
          display_id: order.display_id,
          withdrawn_at,
          email: order.email,
          order_url: `${settings.adminUrl}/orders/${order.id}`,
        }),
        data,
        trigger: "order.withdrawn",
        idempotencyKey: `withdrawal-staff:${order.id}`,
      }),
    ].filter((n) => !!n.to)
  })

  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))

  return new WorkflowResponse(
    transform({ order, recorded }, ({ order, recorded }) => ({
      display_id: order.display_id as number,
      withdrawn_at: recorded.withdrawal.withdrawn_at,
      period_last_day: recorded.withdrawal.period_last_day,
      created: recorded.created,
    }))
  )
})
