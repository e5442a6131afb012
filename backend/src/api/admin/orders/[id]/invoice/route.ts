import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INVOICE_MODULE } from "../../../../../modules/invoice"
import type InvoiceModuleService from "../../../../../modules/invoice/service"
import { formatInvoiceNumber } from "../../../../../modules/invoice/totals"
import { mayFulfil, readInvoiceOrder } from "../../../../../workflows/invoices/order-invoice"

/**
 * GET /admin/orders/:id/invoice — the invoice state of an order for the admin widget:
 * whether it is paid on invoice, the organisation's data, approval status, the
 * invoice number and whether the transfer was registered.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const state = await readInvoiceOrder(req.scope, req.params.id)
  if (!state.isInvoiceOrder) {
    res.json({ invoice_order: false })
    return
  }
  const invoices: InvoiceModuleService = req.scope.resolve(INVOICE_MODULE)
  const invoice = await invoices.retrieveInvoiceForOrder(state.order.id)
  res.json({
    invoice_order: true,
    status: state.invoice?.status ?? "awaiting_approval",
    may_fulfil: mayFulfil(state),
    details: state.invoice,
    invoice: invoice
      ? { id: invoice.id, number: formatInvoiceNumber(invoice.number), issued_at: invoice.issued_at }
      : null,
    payment: state.payment,
  })
}
