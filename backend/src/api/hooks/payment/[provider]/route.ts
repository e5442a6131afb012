import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ConfigModule, IEventBusModuleService, IPaymentModuleService, ProviderWebhookPayload } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"

/** Upstream's defaults (@medusajs/medusa dist/api/hooks/payment/[provider]/route.js). */
const DEFAULT_DELAY_MS = 5000
const DEFAULT_ATTEMPTS = 3

/** The whole answer to a webhook the provider rejects (bad signature, unknown provider, unreadable body). */
export const WEBHOOK_REFUSED = { type: "invalid_data", message: "Webhook geweigerd." }

/** One line, bounded: the provider id comes from the URL and the message may quote the payload. */
function loggable(value: unknown): string {
  return String(value ?? "").replace(/[\r\n\t]+/g, " ").slice(0, 500)
}

/**
 * POST /hooks/payment/:provider — Medusa's own payment webhook route, replicated at
 * the same path (a project route registered later replaces the core one; Medusa's
 * raw-body middleware for this path still applies). Two changes.
 *
 * 1. Upstream reads `webhook_delay` / `webhook_retries` from
 *    `req.scope.resolve(Modules.PAYMENT).options`, which is undefined on Medusa
 *    2.21.2's Payment Module service (its source says "Not sure if .options exists on
 *    a module"), so the documented module options are ignored and every webhook waits
 *    5 s. Here they are read from the Payment Module's options in medusa-config
 *    (src/config/modules.ts: PAYMENT_WEBHOOK_DELAY_MS, PAYMENT_WEBHOOK_RETRIES).
 * 2. Upstream answers 200 to anything and checks the signature only later in the
 *    subscriber, so a wrong STRIPE_WEBHOOK_SECRET fails silently: Stripe sees every
 *    delivery succeed while 3-D Secure and iDEAL orders are never created. Here the
 *    provider parses the payload first (for Stripe `webhooks.constructEvent`, the
 *    signature check, no side effects) and a payload it rejects gets 400, so Stripe
 *    reports the failure and retries the event once the secret is fixed.
 *
 * 3. The 400 says only that the webhook was refused (WEBHOOK_REFUSED); why, with the
 *    provider's own wording, is logged for the operator.
 *
 * Everything else is upstream's behaviour: the event is emitted as
 * `payment.webhook_received` and processed by Medusa's own payment-webhook
 * subscriber (processPaymentWorkflow: authorise/capture, complete the cart).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  try {
    const { provider } = req.params
    const options = paymentModuleOptions(req)
    const event: ProviderWebhookPayload = {
      provider,
      payload: {
        data: req.body as Record<string, unknown>,
        rawData: (req as MedusaRequest & { rawBody?: Buffer }).rawBody as Buffer,
        headers: req.headers as Record<string, unknown>,
      },
    }
    await req.scope.resolve<IPaymentModuleService>(Modules.PAYMENT).getWebhookActionAndData(event)

    const eventBus = req.scope.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
    // Delayed, as upstream, so the storefront's own cart completion usually wins the race.
    await eventBus.emit(
      { name: PaymentWebhookEvents.WebhookReceived, data: event },
      { delay: options.webhook_delay || DEFAULT_DELAY_MS, attempts: options.webhook_retries || DEFAULT_ATTEMPTS }
    )
  } catch (err) {
    // The provider's message names its configuration (provider ids, how the signature was
    // checked, the SDK's advice): it goes to the log, the caller learns only "refused".
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Payment webhook for provider "${loggable(req.params.provider)}" refused: ${loggable((err as Error)?.message)}`)
    res.status(400).json(WEBHOOK_REFUSED)
    return
  }
  res.sendStatus(200)
}

function paymentModuleOptions(req: MedusaRequest): { webhook_delay?: number; webhook_retries?: number } {
  const fromService = (req.scope.resolve(Modules.PAYMENT) as { options?: Record<string, number> }).options
  if (fromService) return fromService
  const config = req.scope.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  const declaration = config.modules?.[Modules.PAYMENT]
  return (typeof declaration === "object" && declaration !== null ? (declaration as { options?: Record<string, number> }).options : undefined) ?? {}
}
