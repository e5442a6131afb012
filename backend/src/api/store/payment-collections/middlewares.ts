import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { readBackendEnv, type BackendEnv } from "../../../config/env"
import { PAYMENT_PROVIDER_IDS, payOnAccountOffered } from "../../../config/modules"

export const PAY_ON_ACCOUNT_REFUSED = "Betalen op rekening is niet beschikbaar. Kies een andere betaalmethode."

/**
 * Refuses a payment session with the manual provider ("Betalen op rekening") when the
 * shop does not offer it (Stripe configured and PAY_ON_ACCOUNT not true). Medusa's
 * createPaymentSessionsWorkflow accepts any registered provider, whether or not the
 * cart's region offers it, so leaving it out of the region is not enough: a visitor
 * could still post `pp_system_default` and reserve stock without paying.
 */
export function refuseManualPaymentWhenOff(readEnv: () => Partial<BackendEnv> = readBackendEnv) {
  return function refuseManualPayment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const body = ((req as any).validatedBody ?? req.body ?? {}) as { provider_id?: unknown }
    if (body.provider_id === PAYMENT_PROVIDER_IDS.manual && !payOnAccountOffered(readEnv())) {
      return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, PAY_ON_ACCOUNT_REFUSED))
    }
    next()
  }
}

export const paymentCollectionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/payment-collections/:id/payment-sessions",
    methods: ["POST"],
    middlewares: [refuseManualPaymentWhenOff()],
  },
]
