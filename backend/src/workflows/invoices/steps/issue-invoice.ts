import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"

/**
 * Issues the order's invoice with the next gap-free number, or returns the one it
 * already has (created: false). Compensation takes the number back only when this
 * step created it (and it is still the latest, see withdrawInvoice).
 */
export const issueInvoiceStep = createStep(
  "issue-invoice",
  async (input: { order_id: string; data: Record<string, unknown> }, { container }) => {
    const invoices: InvoiceModuleService = container.resolve(INVOICE_MODULE)
    const invoice = await invoices.issueInvoice({ order_id: input.order_id, issued_at: new Date(), data: input.data })
    return new StepResponse(invoice, invoice.created ? invoice.id : undefined)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const invoices: InvoiceModuleService = container.resolve(INVOICE_MODULE)
    await invoices.withdrawInvoice(createdId)
  }
)
