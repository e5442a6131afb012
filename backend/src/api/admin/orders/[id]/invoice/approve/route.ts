import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatInvoiceNumber } from "../../../../../../modules/invoice/totals"
import { approveInvoiceOrderWorkflow } from "../../../../../../workflows/invoices/approve-invoice"

/**
 * POST /admin/orders/:id/invoice/approve — "Goedkeuren": issues the invoice (next
 * number), allows fulfilment and e-mails the PDF. Repeating it returns the same
 * invoice with `created: false` and sends nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await approveInvoiceOrderWorkflow(req.scope).run({
    input: { order_id: req.params.id, approved_by: req.auth_context?.actor_id },
  })
  res.status(result.created ? 201 : 200).json({
    invoice: { id: result.id, number: formatInvoiceNumber(result.number), issued_at: result.issued_at },
    created: result.created,
  })
}
