/**
 * Unpaid orders on account ("Betalen op rekening", Medusa's manual provider): the order
 * reserves its stock until staff capture the payment. A reminder goes out after
 * UNPAID_ORDER_REMINDER_DAYS (7) and the order is cancelled after
 * UNPAID_ORDER_CANCEL_DAYS (14), which deletes its reservations (Medusa's
 * cancelOrderWorkflow) so the goods are for sale again. Orders paid on invoice
 * (pp_invoice_invoice, staff approval) are never touched, nor orders with a payment
 * captured or a fulfilment staff created (they decided to ship).
 */
import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { readBackendEnv, readSeller } from "../../config/env"
import { PAYMENT_PROVIDER_IDS } from "../../config/modules"
import { orderItemLines } from "../../lib/order-items"
import {
  UNPAID_ORDER_CANCELLED_TEMPLATE,
  UNPAID_ORDER_REMINDER_TEMPLATE,
  unpaidOrderCancelled,
  unpaidOrderReminder,
  type UnpaidOrderData,
} from "../../modules/notification-mail/withdrawal-templates"
import { forEachOrderPage, OPEN_PAYMENT_ORDER_FIELDS, orderIdsWithOpenPayment } from "./open-payment-orders"
import { orderNotification } from "./order-notification"
import { paymentDueAt } from "../../lib/payment-on-account"
import { markUnpaidReminderStep } from "./steps/mark-unpaid-reminder"

const DAY = 24 * 60 * 60 * 1000

const ORDER_FIELDS = [...OPEN_PAYMENT_ORDER_FIELDS, "payment_collections.status"]

/** An order on account that nobody paid for yet and staff did not start to ship. */
export function isUnpaidOrderOnAccount(order: any): boolean {
  if (!order || order.canceled_at || order.status !== "pending") return false
  if ((order.fulfillments ?? []).some((f: any) => f && !f.canceled_at)) return false
  const payments = (order.payment_collections ?? []).flatMap((pc: any) => (pc?.payments ?? []).filter(Boolean))
  const live = payments.filter((p: any) => !p.canceled_at)
  return live.length > 0 && live.every((p: any) => p.provider_id === PAYMENT_PROVIDER_IDS.manual && !p.captured_at)
}

function mailData(order: any): Omit<UnpaidOrderData, "cancel_at" | "iban" | "payee"> {
  return {
    display_id: order.display_id,
    first_name: order.shipping_address?.first_name ?? null,
    total: Number(order.total ?? 0),
    currency_code: order.currency_code,
    placed_at: new Date(order.created_at).toISOString(),
    items: orderItemLines(order),
  }
}

function loadOrder(orderId: string) {
  const { data } = useQueryGraphStep({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId }, options: { throwIfKeyNotFound: true } })
  return transform({ data }, ({ data }) => data[0] as any)
}

export const remindUnpaidOrderWorkflowId = "remind-unpaid-order"

/** The payment reminder: noted on the order, then mailed (idempotent per order). */
export const remindUnpaidOrderWorkflow = createWorkflow(
  remindUnpaidOrderWorkflowId,
  (input: { order_id: string; cancel_at: string; now: string }) => {
    const order = loadOrder(input.order_id)
    markUnpaidReminderStep(
      transform({ order, input }, ({ order, input }) => ({ order_id: order.id, metadata: order.metadata ?? null, sent_at: input.now }))
    )
    const notifications = transform({ order, input }, ({ order, input }): CreateNotificationDTO[] => {
      if (!order.email || order.no_notification) return []
      const seller = readSeller()
      return [
        orderNotification(order.id, {
          to: order.email,
          template: UNPAID_ORDER_REMINDER_TEMPLATE,
          content: unpaidOrderReminder({ ...mailData(order), cancel_at: input.cancel_at, iban: seller.iban, payee: seller.name }),
          data: { order_id: order.id, display_id: order.display_id },
          trigger: "order.unpaid_reminder",
          idempotencyKey: `unpaid-reminder:${order.id}`,
        }),
      ]
    })
    when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
    return new WorkflowResponse(transform({ order }, ({ order }) => order.id as string))
  }
)

export const cancelUnpaidOrderWorkflowId = "cancel-unpaid-order"

/** Cancels the order through Medusa's own workflow (reservations deleted, payment cancelled), then mails the shopper. */
export const cancelUnpaidOrderWorkflow = createWorkflow(cancelUnpaidOrderWorkflowId, (input: { order_id: string }) => {
  const order = loadOrder(input.order_id)
  cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
  const notifications = transform({ order }, ({ order }): CreateNotificationDTO[] => {
    if (!order.email || order.no_notification) return []
    return [
      orderNotification(order.id, {
        to: order.email,
        template: UNPAID_ORDER_CANCELLED_TEMPLATE,
        content: unpaidOrderCancelled(mailData(order)),
        data: { order_id: order.id, display_id: order.display_id },
        trigger: "order.unpaid_canceled",
        idempotencyKey: `unpaid-cancelled:${order.id}`,
      }),
    ]
  })
  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
  return new WorkflowResponse(transform({ order }, ({ order }) => order.id as string))
})

export type UnpaidOrderSettings = { reminderDays: number; cancelDays: number }

export type UnpaidOrdersResult = { reminded: string[]; canceled: string[]; failed: string[] }

/**
 * One pass of the job: reminds and cancels what is due at `now`. Each order runs in
 * its own workflow, so one failure (logged) does not stop the others. `now` is a
 * parameter so tests can move the clock instead of waiting two weeks.
 */
export async function processUnpaidOrders(
  container: MedusaContainer,
  { now = new Date(), settings, pageSize }: { now?: Date; settings?: UnpaidOrderSettings; pageSize?: number } = {}
): Promise<UnpaidOrdersResult> {
  const env = readBackendEnv()
  const { reminderDays, cancelDays } = settings ?? { reminderDays: env.unpaidOrderReminderDays, cancelDays: env.unpaidOrderCancelDays }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result: UnpaidOrdersResult = { reminded: [], canceled: [], failed: [] }

  // Only orders with an open payment on account, however many finished orders exist (open-payment-orders.ts).
  const ids = await orderIdsWithOpenPayment(container, {
    providerId: PAYMENT_PROVIDER_IDS.manual,
    createdBefore: new Date(now.getTime() - reminderDays * DAY),
    pageSize,
  })

  await forEachOrderPage(
    container,
    ids,
    ORDER_FIELDS,
    async (orders) => {
      for (const order of orders.filter(isUnpaidOrderOnAccount)) {
        const age = now.getTime() - new Date(order.created_at).getTime()
        try {
          if (age >= cancelDays * DAY) {
            await cancelUnpaidOrderWorkflow(container).run({ input: { order_id: order.id } })
            result.canceled.push(order.id)
            logger.info(`Unpaid order #${order.display_id} on account cancelled after ${cancelDays} days; its stock is free again`)
          } else if (age >= reminderDays * DAY && !order.metadata?.unpaid_reminder_sent_at && !order.metadata?.withdrawal) {
            // (A shopper who withdrew is not asked to pay; the order is still cancelled when due.)
            // the same due date the confirmation page, mail and invoice name
            const cancelAt = paymentDueAt(order.created_at, cancelDays)
            await remindUnpaidOrderWorkflow(container).run({ input: { order_id: order.id, cancel_at: cancelAt, now: now.toISOString() } })
            result.reminded.push(order.id)
          }
        } catch (e) {
          result.failed.push(order.id)
          logger.error(`Unpaid order #${order.display_id}: ${(e as Error).message}`)
        }
      }
    },
    pageSize
  )
  return result
}
