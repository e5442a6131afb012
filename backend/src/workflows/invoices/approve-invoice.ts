import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { formatInvoiceNumber } from "../../modules/invoice/totals"
import { issueInvoiceStep } from "./steps/issue-invoice"
import { prepareInvoiceStep } from "./steps/prepare-invoice"
import { sendInvoiceMailStep } from "./steps/send-invoice-mail"
import { updateInvoiceMetadataStep } from "./steps/update-invoice-metadata"

export const approveInvoiceOrderWorkflowId = "approve-invoice-order"

/**
 * Staff approve an order paid on invoice: it gets the next invoice number (gap-free),
 * metadata.invoice.status becomes "approved" (so it may be fulfilled), and the
 * invoice PDF is e-mailed. Approving again returns the same invoice and sends
 * nothing. The payment stays authorized until staff register the transfer.
 */
export const approveInvoiceOrderWorkflow = createWorkflow(
  approveInvoiceOrderWorkflowId,
  (input: { order_id: string; approved_by?: string }) => {
    const prepared = prepareInvoiceStep({ order_id: input.order_id })
    const invoice = issueInvoiceStep({ order_id: input.order_id, data: prepared.snapshot })

    when("invoice-newly-issued", { invoice }, ({ invoice }) => invoice.created).then(() => {
      const patch = transform({ invoice, input, prepared }, ({ invoice, input, prepared }) => {
        const current = (prepared.metadata.invoice ?? {}) as Record<string, unknown>
        return {
          // A transfer registered before approval keeps its "paid" status.
          status: current.status === "paid" ? "paid" : "approved",
          invoice_number: formatInvoiceNumber(invoice.number),
          approved_at: invoice.issued_at,
          ...(input.approved_by ? { approved_by: input.approved_by } : {}),
        }
      })
      updateInvoiceMetadataStep({ order_id: input.order_id, patch })
      sendInvoiceMailStep({ invoice })
    })

    return new WorkflowResponse(invoice)
  }
)
