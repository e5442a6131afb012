import {
  StripeBancontactService,
  StripeIdealService,
  StripeProviderService,
} from "@medusajs/payment-stripe/dist/services"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"
import { loadProviderStripeSdk, parseStripeApiBaseUrl } from "./client"

/**
 * Why this exists: @medusajs/payment-stripe (core/stripe-base.js) builds its client
 * as `new Stripe(options.apiKey)`, so it can only talk to api.stripe.com. Tests and
 * offline development point it at a Stripe-compatible server on loopback instead
 * (integration-tests/utils/fake-stripe.ts). These services are the package's own
 * card, iDEAL and Bancontact services; the only change is that with the option
 * `apiBaseUrl` (env STRIPE_API_BASE_URL) the client is rebuilt with that host, port
 * and protocol. Without it nothing differs from upstream.
 *
 * The static `identifier`s are inherited ("stripe", "stripe-ideal",
 * "stripe-bancontact"), so registered with id "stripe" the providers are
 * pp_stripe_stripe, pp_stripe-ideal_stripe and pp_stripe-bancontact_stripe, and
 * Stripe's webhooks go to /hooks/payment/stripe_stripe (etc.), as with upstream.
 */
export type StripePaymentOptions = StripeOptions & {
  /** Origin of a Stripe-compatible API, e.g. http://127.0.0.1:12111. Unset: api.stripe.com. */
  apiBaseUrl?: string
}

function clientFor(options: StripePaymentOptions, upstreamClient: unknown) {
  if (!options?.apiBaseUrl) return upstreamClient
  const Stripe = loadProviderStripeSdk()
  return new Stripe(options.apiKey, parseStripeApiBaseUrl(options.apiBaseUrl))
}

export class StripeCardService extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: StripePaymentOptions) {
    super(cradle, options)
    this.stripe_ = clientFor(options, this.stripe_) as typeof this.stripe_
  }
}

export class StripeIdealPaymentService extends StripeIdealService {
  constructor(cradle: Record<string, unknown>, options: StripePaymentOptions) {
    super(cradle, options)
    this.stripe_ = clientFor(options, this.stripe_) as typeof this.stripe_
  }
}

export class StripeBancontactPaymentService extends StripeBancontactService {
  constructor(cradle: Record<string, unknown>, options: StripePaymentOptions) {
    super(cradle, options)
    this.stripe_ = clientFor(options, this.stripe_) as typeof this.stripe_
  }
}
