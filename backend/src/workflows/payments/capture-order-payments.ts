import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureAuthorizedCardPaymentsStep } from "./steps/capture-authorized-card-payments"

export const captureOrderPaymentsWorkflowId = "capture-order-payments"

/**
 * Captures an order's card payment when the order is placed (subscriber
 * `capture-card-payment`). Card intents are created with manual capture (Stripe
 * holds the amount, and an authorisation lapses after 7 days); the order is what
 * turns that hold into a payment. iDEAL and Bancontact are captured by Stripe itself
 * and are left alone, as are "Betalen op rekening" and "Op factuur".
 */
export const captureOrderPaymentsWorkflow = createWorkflow(captureOrderPaymentsWorkflowId, (input: { order_id: string }) => {
  const outcomes = captureAuthorizedCardPaymentsStep({ order_id: input.order_id })
  return new WorkflowResponse(outcomes)
})
