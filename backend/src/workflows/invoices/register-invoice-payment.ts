import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { updateInvoiceMetadataStep } from "./steps/update-invoice-metadata"

export const registerInvoicePaymentWorkflowId = "register-invoice-payment"

/**
 * Staff saw the organisation's bank transfer arrive: the invoice provider's payment
 * is captured through Medusa's own capture workflow (so the order shows as paid)
 * and metadata.invoice.status becomes "paid".
 */
export const registerInvoicePaymentWorkflow = createWorkflow(
  registerInvoicePaymentWorkflowId,
  (input: { order_id: string; payment_id: string; captured_by?: string }) => {
    capturePaymentWorkflow.runAsStep({ input: { payment_id: input.payment_id, captured_by: input.captured_by } })
    const patch = transform({}, () => ({ status: "paid", paid_at: new Date().toISOString() }))
    const invoice = updateInvoiceMetadataStep({ order_id: input.order_id, patch })
    return new WorkflowResponse(invoice)
  }
)
