import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_PROVIDER_IDS } from "../../../config/modules"
import { readBackendEnv } from "../../../config/env"
import { createStripeClient } from "../../../modules/stripe-payment/client"

/** A Stripe payment that went through while its cart still has no order. */
export type PaidCartWithoutOrder = {
  cart_id: string
  email: string | null
  session_id: string
  provider_id: string
  intent_id: string
  intent_status: string
  amount: number
  currency_code: string
  session_created_at: string
}

export const STRIPE_PROVIDER_IDS: string[] = [PAYMENT_PROVIDER_IDS.card, PAYMENT_PROVIDER_IDS.ideal, PAYMENT_PROVIDER_IDS.bancontact]

/** The staff alert's idempotency key: one mail per PaymentIntent, ever. */
export const paymentAlertKey = (intentId: string) => `payment-without-order:${intentId}`

/** Intent states in which the shopper's money is taken or held for us. */
const PAID_STATES = ["succeeded", "requires_capture"]

/**
 * Stripe sessions created between `newer_than` and `older_than` whose cart is not
 * completed, checked against Stripe itself (the session's stored data can be stale
 * when a webhook was lost): only intents that succeeded or wait for capture count.
 * Read-only, so nothing to compensate.
 */
export const findPaidCartsWithoutOrderStep = createStep(
  "find-paid-carts-without-order",
  async (input: { older_than: string; newer_than: string }, { container }) => {
    const env = readBackendEnv()
    if (!env.stripeApiKey) return new StepResponse<PaidCartWithoutOrder[]>([])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { data: sessions } = await query.graph({
      entity: "payment_session",
      fields: [
        "id",
        "provider_id",
        "data",
        "amount",
        "currency_code",
        "created_at",
        "payment_collection.cart.id",
        "payment_collection.cart.email",
        "payment_collection.cart.completed_at",
      ],
      filters: {
        provider_id: STRIPE_PROVIDER_IDS,
        created_at: { $lt: input.older_than, $gt: input.newer_than },
      } as any,
    })
    let open = (sessions as any[]).filter((s) => s.payment_collection?.cart?.id && !s.payment_collection.cart.completed_at && s.data?.id)
    if (!open.length) return new StepResponse<PaidCartWithoutOrder[]>([])
    // Once staff were alerted about a payment, the case is theirs: no further automatic
    // completion attempts (and no second mail).
    const alerted = await container.resolve(Modules.NOTIFICATION).listNotifications(
      { idempotency_key: open.map((s) => paymentAlertKey(s.data.id)) } as any,
      { select: ["idempotency_key"] }
    )
    const done = new Set(alerted.map((n: any) => n.idempotency_key))
    open = open.filter((s) => !done.has(paymentAlertKey(s.data.id)))
    if (!open.length) return new StepResponse<PaidCartWithoutOrder[]>([])

    const stripe = createStripeClient({ apiKey: env.stripeApiKey, apiBaseUrl: env.stripeApiBaseUrl })
    const found: PaidCartWithoutOrder[] = []
    for (const session of open) {
      try {
        const intent = await stripe.paymentIntents.retrieve(session.data.id)
        if (!PAID_STATES.includes(intent.status)) continue
        found.push({
          cart_id: session.payment_collection.cart.id,
          email: session.payment_collection.cart.email ?? null,
          session_id: session.id,
          provider_id: session.provider_id,
          intent_id: intent.id,
          intent_status: intent.status,
          amount: Number(session.amount),
          currency_code: session.currency_code,
          session_created_at: new Date(session.created_at).toISOString(),
        })
      } catch (error) {
        // One unreachable intent must not stop the others; the next run tries again.
        logger.warn(`Payment reconciliation: could not read ${session.data.id} at Stripe: ${(error as Error).message}`)
      }
    }
    return new StepResponse(found)
  }
)
