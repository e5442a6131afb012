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
import { cancelWithdrawnOrderStep } from "./steps/cancel-withdrawn-order"
import { recordWithdrawalStep } from "./steps/record-withdrawal"
import { cancelsOrder, withdrawalNextSteps, withdrawalStaffTodo } from "./withdrawal-outcome"

export const withdrawOrderWorkflowId = "withdraw-order"

/** "Dorpsstraat 1, 1234 AB Plaats": where withdrawn goods go back to. */
export function returnAddress(): string {
  const seller = readSeller()
  return `${seller.name}, ${seller.address}, ${seller.postcode} ${seller.city}`
}

/**
 * "Overeenkomst herroepen": records the withdrawal on the order (once) and, the first
 * time only, e-mails the shopper an acknowledgement with the date and time it was
 * received (the durable medium the directive asks for) and what happens next for this
 * order's state (withdrawal-outcome.ts), and alerts staff. An unpaid, unshipped order
 * is then cancelled through Medusa's cancelOrderWorkflow, releasing its stock. The
 * notifications' idempotency keys make a retried run send nothing twice; if sending
 * fails, the record step's compensation removes the withdrawal again so the shopper
 * can simply retry. Callers hold a lock per order (see the store route).
 */
export const withdrawOrderWorkflow = createWorkflow(withdrawOrderWorkflowId, (input: { order_id: string; now?: string }) => {
  const recorded = recordWithdrawalStep({ order_id: input.order_id, now: input.now })
  const order = transform({ recorded }, ({ recorded }) => recorded.order as any)

  const notifications = transform({ order, recorded }, ({ order, recorded }): CreateNotificationDTO[] => {
    if (!recorded.created) return []
    const settings = readShopSettings()
    const { withdrawn_at, situation } = recorded.withdrawal
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
          next_steps: withdrawalNextSteps(situation, returnAddress()),
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
          // Written before the cancellation runs: says what the shop does, the widget shows whether it worked.
          todo: withdrawalStaffTodo(situation, true),
        }),
        data,
        trigger: "order.withdrawn",
        idempotencyKey: `withdrawal-staff:${order.id}`,
      }),
    ].filter((n) => !!n.to)
  })

  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))

  const cancellation = when("cancel-unpaid-withdrawn-order", { recorded }, ({ recorded }) => recorded.created && cancelsOrder(recorded.withdrawal.situation)).then(
    () => cancelWithdrawnOrderStep({ order_id: input.order_id })
  )

  return new WorkflowResponse(
    transform({ order, recorded, cancellation }, ({ order, recorded, cancellation }) => ({
      display_id: order.display_id as number,
      withdrawn_at: recorded.withdrawal.withdrawn_at,
      period_last_day: recorded.withdrawal.period_last_day,
      situation: recorded.withdrawal.situation,
      order_canceled: cancellation?.canceled ?? recorded.withdrawal.order_canceled ?? false,
      created: recorded.created,
    }))
  )
})
