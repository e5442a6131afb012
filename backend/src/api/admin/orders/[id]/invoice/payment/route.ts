import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { readInvoiceOrder } from "../../../../../../workflows/invoices/order-invoice"
import { registerInvoicePaymentWorkflow } from "../../../../../../workflows/invoices/register-invoice-payment"

/**
 * POST /admin/orders/:id/invoice/payment — "Betaling ontvangen": staff register the
 * organisation's transfer; the invoice payment is captured and the order is paid.
 * Only after approval (there is no invoice to pay before).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const state = await readInvoiceOrder(req.scope, req.params.id)
  if (!state.isInvoiceOrder || !state.payment) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling wordt niet op factuur betaald.")
  }
  if (state.invoice?.status === "awaiting_approval" || !state.invoice?.invoice_number) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Keur de factuur eerst goed; daarna kun je de betaling registreren.")
  }
  if (state.invoice.status === "paid" || state.payment.captured_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "De betaling van deze factuur is al geregistreerd.")
  }
  const { result } = await registerInvoicePaymentWorkflow(req.scope).run({
    input: { order_id: state.order.id, payment_id: state.payment.id, captured_by: req.auth_context?.actor_id },
  })
  res.json({ invoice: result })
}
