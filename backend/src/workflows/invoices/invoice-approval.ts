/**
 * Orders on invoice that staff leave unapproved. "Op factuur" accepts any well-formed KvK
 * or btw number and the order holds its stock until staff approve it, so without a deadline
 * anyone could tie up the stock for ever. After INVOICE_APPROVAL_REMINDER_DAYS (3) staff get
 * a reminder; after INVOICE_APPROVAL_EXPIRE_DAYS (7) the order is cancelled through Medusa's
 * cancelOrderWorkflow (reservations deleted, payment cancelled) and the shopper is told.
 * Approval (or a registered transfer) before then takes the order out of this for good.
 */
import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { readInvoiceApprovalSettings, readShopSettings, type InvoiceApprovalSettings } from "../../config/env"
import { orderItemLines } from "../../lib/order-items"
import { INVOICE_PROVIDER_ID } from "../../modules/invoice-payment/details"
import { forEachOrderPage, OPEN_PAYMENT_ORDER_FIELDS, orderIdsWithOpenPayment } from "../orders/open-payment-orders"
import { orderNotification } from "../orders/order-notification"
import {
  INVOICE_APPROVAL_REMINDER_TEMPLATE,
  INVOICE_ORDER_EXPIRED_TEMPLATE,
  invoiceApprovalReminder,
  invoiceOrderExpired,
} from "./approval-emails"
import { describeInvoiceOrder, readInvoiceOrder } from "./order-invoice"
import { updateInvoiceMetadataStep } from "./steps/update-invoice-metadata"

const DAY = 24 * 60 * 60 * 1000

const ORDER_FIELDS = [...OPEN_PAYMENT_ORDER_FIELDS, "payment_collections.payments.id"]

/** An order on invoice that staff neither approved nor saw paid, not cancelled and not (being) shipped. */
export function isAwaitingApproval(order: any): boolean {
  if (!order || order.canceled_at || order.status !== "pending") return false
  if ((order.fulfillments ?? []).some((f: any) => f && !f.canceled_at)) return false
  const state = describeInvoiceOrder(order)
  return state.isInvoiceOrder && state.invoice?.status === "awaiting_approval" && !state.payment?.captured_at
}

function loadOrder(orderId: string) {
  const { data } = useQueryGraphStep({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId }, options: { throwIfKeyNotFound: true } })
  return transform({ data }, ({ data }) => data[0] as any)
}

const organisationOf = (order: any): string => order.metadata?.invoice?.organisation ?? ""

export const remindInvoiceApprovalWorkflowId = "remind-invoice-approval"

/** Staff's reminder: noted on the order (metadata.invoice.approval_reminder_sent_at), then mailed once. */
export const remindInvoiceApprovalWorkflow = createWorkflow(
  remindInvoiceApprovalWorkflowId,
  (input: { order_id: string; expires_at: string; now: string }) => {
    const order = loadOrder(input.order_id)
    updateInvoiceMetadataStep({
      order_id: input.order_id,
      patch: transform({ input }, ({ input }) => ({ approval_reminder_sent_at: input.now })),
    })
    const notifications = transform({ order, input }, ({ order, input }): CreateNotificationDTO[] => {
      const { staffEmail, adminUrl } = readShopSettings()
      return [
        orderNotification(order.id, {
          to: staffEmail,
          template: INVOICE_APPROVAL_REMINDER_TEMPLATE,
          content: invoiceApprovalReminder({
            display_id: order.display_id,
            organisation: organisationOf(order),
            email: order.email ?? "",
            placed_at: new Date(order.created_at).toISOString(),
            expires_at: input.expires_at,
            order_url: `${adminUrl}/orders/${order.id}`,
            items: orderItemLines(order),
          }),
          data: { order_id: order.id, display_id: order.display_id },
          trigger: "order.invoice_approval_reminder",
          idempotencyKey: `invoice-approval-reminder:${order.id}`,
        }),
      ]
    })
    sendNotificationsStep(notifications)
    return new WorkflowResponse(transform({ order }, ({ order }) => order.id as string))
  }
)

/**
 * Read-only guard right before the cancellation: staff may have approved the order (or
 * registered the transfer) since the job listed it. Nothing to compensate.
 */
export const assertStillAwaitingApprovalStep = createStep("assert-still-awaiting-approval", async (input: { order_id: string }, { container }) => {
  const state = await readInvoiceOrder(container, input.order_id)
  // (Fulfilments are not loaded here: an order awaiting approval cannot be fulfilled.)
  if (!isAwaitingApproval({ ...state.order, fulfillments: [] })) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling op factuur wacht niet meer op goedkeuring.")
  }
  return new StepResponse(true)
})

export const expireInvoiceOrderWorkflowId = "expire-invoice-order"

/** Cancels the unapproved order through Medusa's own workflow (stock released), then mails the shopper. */
export const expireInvoiceOrderWorkflow = createWorkflow(expireInvoiceOrderWorkflowId, (input: { order_id: string }) => {
  const order = loadOrder(input.order_id)
  assertStillAwaitingApprovalStep({ order_id: input.order_id })
  cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
  const notifications = transform({ order }, ({ order }): CreateNotificationDTO[] => {
    if (!order.email || order.no_notification) return []
    return [
      orderNotification(order.id, {
        to: order.email,
        template: INVOICE_ORDER_EXPIRED_TEMPLATE,
        content: invoiceOrderExpired({
          display_id: order.display_id,
          first_name: order.shipping_address?.first_name ?? null,
          organisation: organisationOf(order),
          placed_at: new Date(order.created_at).toISOString(),
          total: Number(order.total ?? 0),
          currency_code: order.currency_code,
          items: orderItemLines(order),
        }),
        data: { order_id: order.id, display_id: order.display_id },
        trigger: "order.invoice_expired",
        idempotencyKey: `invoice-expired:${order.id}`,
      }),
    ]
  })
  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
  return new WorkflowResponse(transform({ order }, ({ order }) => order.id as string))
})

export type InvoiceApprovalResult = { reminded: string[]; expired: string[]; failed: string[] }

/**
 * One pass of the job: reminds staff and expires what is due at `now` (a parameter, so
 * tests move the clock). Each order runs in its own workflow; one failure is logged and
 * the others go on.
 */
export async function processInvoiceApprovals(
  container: MedusaContainer,
  { now = new Date(), settings = readInvoiceApprovalSettings(), pageSize }: { now?: Date; settings?: InvoiceApprovalSettings; pageSize?: number } = {}
): Promise<InvoiceApprovalResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result: InvoiceApprovalResult = { reminded: [], expired: [], failed: [] }
  const ids = await orderIdsWithOpenPayment(container, {
    providerId: INVOICE_PROVIDER_ID,
    createdBefore: new Date(now.getTime() - settings.reminderDays * DAY),
    pageSize,
  })
  await forEachOrderPage(
    container,
    ids,
    ORDER_FIELDS,
    async (orders) => {
      for (const order of orders.filter(isAwaitingApproval)) {
        const placed = new Date(order.created_at).getTime()
        const age = now.getTime() - placed
        try {
          if (age >= settings.expireDays * DAY) {
            await expireInvoiceOrderWorkflow(container).run({ input: { order_id: order.id } })
            result.expired.push(order.id)
            logger.info(`Order #${order.display_id} on invoice not approved within ${settings.expireDays} days: cancelled, its stock is free again`)
          } else if (age >= settings.reminderDays * DAY && !order.metadata?.invoice?.approval_reminder_sent_at) {
            const expiresAt = new Date(placed + settings.expireDays * DAY).toISOString()
            await remindInvoiceApprovalWorkflow(container).run({ input: { order_id: order.id, expires_at: expiresAt, now: now.toISOString() } })
            result.reminded.push(order.id)
          }
        } catch (e) {
          result.failed.push(order.id)
          logger.error(`Order #${order.display_id} on invoice: ${(e as Error).message}`)
        }
      }
    },
    pageSize
  )
  return result
}
