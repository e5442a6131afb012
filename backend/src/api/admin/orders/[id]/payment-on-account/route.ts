import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readAccountPayment } from "../../../../../lib/open-account-payment"

/**
 * GET /admin/orders/:id/payment-on-account — for the order page's "Nog niet betaald"
 * panel: whether the order is paid on account and still waits for the transfer, with
 * amount, reference (the order number) and due date.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { state } = await readAccountPayment(req.scope, req.params.id)
  res.json(state)
}
