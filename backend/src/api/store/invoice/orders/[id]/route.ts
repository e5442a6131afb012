import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readInvoiceOrder } from "../../../../../workflows/invoices/order-invoice"

/**
 * GET /store/invoice/orders/:id — for the confirmation page: whether the order is
 * paid on invoice and where it stands. Medusa's store order route does not return
 * metadata; like that route, the order id is the key (only the buyer has it), and
 * only what the buyer typed in is returned.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const state = await readInvoiceOrder(req.scope, req.params.id)
  if (!state.isInvoiceOrder || !state.invoice) {
    res.json({ invoice: null })
    return
  }
  res.json({
    invoice: {
      organisation: state.invoice.organisation,
      invoice_email: state.invoice.invoice_email ?? null,
      status: state.invoice.status,
    },
  })
}
