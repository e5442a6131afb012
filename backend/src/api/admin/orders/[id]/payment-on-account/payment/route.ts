import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { readAccountPayment } from "../../../../../../lib/open-account-payment"

/**
 * POST /admin/orders/:id/payment-on-account/payment — "Betaling ontvangen": staff saw the
 * shopper's transfer arrive; the manual payment is captured through Medusa's own capture
 * workflow, so Medusa shows the order as paid and the unpaid-orders job leaves it alone.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { state } = await readAccountPayment(req.scope, req.params.id)
  if (!state.on_account || !state.payment_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling wordt niet op rekening betaald.")
  }
  if (state.paid) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "De betaling van deze bestelling is al geregistreerd.")
  }
  if (!state.open) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling is geannuleerd; er valt geen betaling te registreren.")
  }
  await capturePaymentWorkflow(req.scope).run({
    input: { payment_id: state.payment_id, captured_by: req.auth_context?.actor_id },
  })
  const { state: after } = await readAccountPayment(req.scope, req.params.id)
  res.json(after)
}
