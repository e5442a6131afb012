import { MedusaError } from "@medusajs/framework/utils"
import { INVOICE_PROVIDER_ID, parseInvoiceDetails } from "../../modules/invoice-payment/details"

/**
 * Completing a cart paid on invoice needs valid organisation data in
 * cart.metadata.invoice (written by POST /store/invoice/carts/:id): Medusa copies the
 * cart's metadata to the order, which is how the data and the "awaiting approval"
 * state reach the order. A session created straight through Medusa's payment
 * session route, without that data, is refused here before an order exists.
 * Called from completeCartWorkflow's validate hook (src/workflows/hooks/complete-cart.ts),
 * which can have only one handler.
 */
export function assertInvoiceDetails(cart: unknown): void {
  const sessions = ((cart as any).payment_collection?.payment_sessions ?? []).filter(Boolean)
  if (!sessions.some((s: any) => s.provider_id === INVOICE_PROVIDER_ID)) return
  const invoice = (cart as any).metadata?.invoice
  const parsed = parseInvoiceDetails(invoice)
  if (!parsed.success || invoice?.status !== "awaiting_approval") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "De factuurgegevens ontbreken of kloppen niet. Vul de gegevens van de gemeente of organisatie opnieuw in."
    )
  }
}
