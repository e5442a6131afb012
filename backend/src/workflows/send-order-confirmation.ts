import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { addressFields } from "../lib/html"
import { ITEM_LINE_FIELDS, itemLine } from "../lib/order-items"
import { ORDER_PLACED_TEMPLATE, type OrderPlacedData } from "../modules/notification-mail/templates"
import { readBackendEnv, readSeller, readShopSettings } from "../config/env"
import { isOrderOnAccount, PAYMENT_ON_ACCOUNT_FIELDS, paymentOnAccount } from "../lib/payment-on-account"
import { issueInvoiceStep } from "./invoices/steps/issue-invoice"
import { orderNotification } from "./orders/order-notification"
import { prepareAccountInvoiceStep, renderAccountInvoiceStep } from "./orders/steps/account-invoice"

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
  ...PAYMENT_ON_ACCOUNT_FIELDS,
]

/**
 * The order confirmation e-mail ("Bedankt voor je bestelling #…") through the
 * Notification Module, which records it and hands it to the "email" provider
 * (src/modules/notification-mail). The idempotency key makes a repeated
 * order.placed event send nothing twice (a failed send may be retried).
 *
 * An order "op rekening" also gets what the shopper needs to pay (amount, IBAN,
 * account name, reference = order number, due date) and its invoice as a PDF: the
 * next number of the shop's one invoice series (issueInvoiceStep returns the same
 * invoice on a repeat; its compensation takes the number back if the mail fails).
 */
export const sendOrderConfirmationWorkflow = createWorkflow(sendOrderConfirmationWorkflowId, (input: { id: string }) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })

  const onAccount = transform({ orders }, ({ orders }) => {
    const order = orders[0] as any
    return Boolean(order?.email) && !order.no_notification && isOrderOnAccount(order)
  })
  const invoice = when("order-on-account", { onAccount }, ({ onAccount }) => onAccount).then(() => {
    const snapshot = prepareAccountInvoiceStep({ order_id: input.id })
    const issued = issueInvoiceStep({ order_id: input.id, data: snapshot })
    return renderAccountInvoiceStep({ invoice: issued })
  })

  const notifications = transform({ orders, invoice }, ({ orders, invoice }): CreateNotificationDTO[] => {
    const order = orders[0] as any
    if (!order?.email || order.no_notification) return []
    const transfer = paymentOnAccount(order, readSeller(), readBackendEnv().unpaidOrderCancelDays)
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
      // The form is filled in from this link: the shopper only checks and confirms.
      withdrawal_url: `${readShopSettings().storefrontUrl}/herroepen?${new URLSearchParams({ bestelling: String(order.display_id), email: order.email })}`,
      payment_on_account: transfer ? { ...transfer, invoice_number: invoice?.number ?? null } : null,
    }
    const notification = orderNotification(order.id, {
      to: order.email,
      template: ORDER_PLACED_TEMPLATE,
      data: data as unknown as Record<string, unknown>,
      trigger: "order.placed",
      idempotencyKey: `order-placed:${order.id}`,
    })
    return [invoice ? { ...notification, attachments: [invoice.attachment] } : notification]
  })

  const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
    sendNotificationsStep(notifications)
  )

  return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
})
