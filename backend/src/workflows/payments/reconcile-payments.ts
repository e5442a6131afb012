import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { PAYMENT_ALERT_TEMPLATE, paymentWithoutOrderMail } from "./payment-alert-mail"
import { completePaidCartsStep } from "./steps/complete-paid-carts"
import { findPaidCartsWithoutOrderStep, paymentAlertKey } from "./steps/find-paid-carts-without-order"

export const reconcilePaymentsWorkflowId = "reconcile-payments"

/**
 * Paid, but no order: Stripe took (or holds) the money while the cart was never
 * completed, because the shopper closed the tab and the webhook was lost or failed.
 * Sessions older than `older_than` (and newer than `newer_than`) are checked at
 * Stripe; paid carts are completed now, and for a cart that still cannot be
 * completed staff get one e-mail (the notification's idempotency key is the
 * PaymentIntent); later runs leave that payment to staff.
 */
export const reconcilePaymentsWorkflow = createWorkflow(reconcilePaymentsWorkflowId, (input: { older_than: string; newer_than: string }) => {
  const paid = findPaidCartsWithoutOrderStep(input)
  const outcomes = completePaidCartsStep({ carts: paid })
  const notifications = transform({ outcomes }, ({ outcomes }) => {
    const staff = readShopSettings()
    const adminUrl = staff.adminUrl
    return outcomes
      .filter((o) => !o.order_id)
      .map(
        (o): CreateNotificationDTO => ({
          to: staff.staffEmail,
          channel: "email",
          template: PAYMENT_ALERT_TEMPLATE,
          content: paymentWithoutOrderMail(o, adminUrl),
          data: { cart_id: o.cart_id, payment_intent: o.intent_id },
          trigger_type: "payment-without-order",
          resource_id: o.cart_id,
          resource_type: "cart",
          idempotency_key: paymentAlertKey(o.intent_id),
        })
      )
  })
  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
  return new WorkflowResponse(outcomes)
})
