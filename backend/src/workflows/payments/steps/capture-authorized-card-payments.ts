import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { PAYMENT_PROVIDER_IDS } from "../../../config/modules"

export type CaptureOutcome = { payment_id: string; captured: boolean; error?: string }

/** Providers whose intents are authorised only (manual capture): the card provider. */
export const MANUAL_CAPTURE_PROVIDERS: string[] = [PAYMENT_PROVIDER_IDS.card]

/** The order's card payments that are authorised but neither captured nor cancelled. */
export async function uncapturedCardPayments(container: MedusaContainer, orderId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
    filters: { id: orderId },
  })
  const payments = (data[0]?.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])
  return payments
    .filter((p: any) => p && MANUAL_CAPTURE_PROVIDERS.includes(p.provider_id) && !p.captured_at && !p.canceled_at)
    .map((p: any) => p.id as string)
}

/**
 * Captures each authorised card payment of the order through Medusa's own
 * capturePaymentWorkflow (the provider calls Stripe's capture, Medusa records the
 * capture and the order transaction). A failed capture (e.g. the authorisation was
 * already released) is reported, not thrown, so the others still run and staff see
 * the state in the order's "Betaling" panel.
 *
 * No compensation: money taken cannot be "un-captured"; giving it back is a refund,
 * which is staff's decision (or follows from cancelling the order).
 */
export const captureAuthorizedCardPaymentsStep = createStep(
  "capture-authorized-card-payments",
  async (input: { order_id: string }, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const outcomes: CaptureOutcome[] = []
    for (const paymentId of await uncapturedCardPayments(container, input.order_id)) {
      try {
        await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId } })
        outcomes.push({ payment_id: paymentId, captured: true })
      } catch (error) {
        const message = (error as Error)?.message ?? String(error)
        logger.error(`Capturing payment ${paymentId} of order ${input.order_id} failed: ${message}`)
        outcomes.push({ payment_id: paymentId, captured: false, error: message })
      }
    }
    return new StepResponse(outcomes)
  }
)
