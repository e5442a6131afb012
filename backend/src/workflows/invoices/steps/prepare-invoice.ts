import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseInvoiceDetails } from "../../../modules/invoice-payment/details"
import { buildInvoiceSnapshot, readInvoiceOrder } from "../order-invoice"

/** Reads the order and checks it can be invoiced; read-only, so nothing to compensate. */
export const prepareInvoiceStep = createStep("prepare-invoice", async (input: { order_id: string }, { container }) => {
  const state = await readInvoiceOrder(container, input.order_id)
  if (!state.isInvoiceOrder) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling wordt niet op factuur betaald.")
  }
  if (state.order.status === "canceled" || state.order.canceled_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling is geannuleerd en krijgt geen factuur.")
  }
  const details = parseInvoiceDetails(state.invoice)
  if (!details.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "De factuurgegevens van deze bestelling zijn onvolledig.")
  }
  return new StepResponse({
    snapshot: buildInvoiceSnapshot(state.order) as unknown as Record<string, unknown>,
    metadata: (state.order.metadata ?? {}) as Record<string, unknown>,
  })
})
