import { createRequire } from "node:module"

/** Where to send Stripe API calls, as the `stripe` SDK's `host`/`port`/`protocol` settings. */
export type StripeEndpoint = { host: string; port: number; protocol: "http" | "https" }

/**
 * Turns STRIPE_API_BASE_URL (an origin such as http://127.0.0.1:12111) into the
 * SDK's connection settings.
 */
export function parseStripeApiBaseUrl(baseUrl: string): StripeEndpoint {
  const url = new URL(baseUrl)
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Stripe API base URL must be http(s), not ${url.protocol}`)
  }
  const protocol = url.protocol === "http:" ? "http" : "https"
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
    protocol,
  }
}

/**
 * The `stripe` SDK exactly as @medusajs/payment-stripe loads it. The package pins
 * its own major (stripe ^15, nested in its node_modules) while the backend's own
 * dependency is a newer major with another default API version; building the
 * client from the package's copy keeps every request identical to upstream's
 * apart from where it is sent.
 */
export function loadProviderStripeSdk(): new (apiKey: string, config?: Record<string, unknown>) => unknown {
  const providerRequire = createRequire(require.resolve("@medusajs/payment-stripe"))
  const sdk = providerRequire("stripe")
  return sdk.default ?? sdk
}

/** What the shop's own code reads of a PaymentIntent (the reconciliation job). */
export type IntentSnapshot = { id: string; status: string; amount: number; currency: string; metadata?: Record<string, string> }

/**
 * A Stripe client for the shop's own code outside the provider (the payment
 * reconciliation job), built like the provider's: same SDK copy, same host override.
 */
export function createStripeClient(options: { apiKey: string; apiBaseUrl?: string }): {
  paymentIntents: { retrieve(id: string): Promise<IntentSnapshot> }
} {
  const Stripe = loadProviderStripeSdk()
  return new Stripe(options.apiKey, options.apiBaseUrl ? parseStripeApiBaseUrl(options.apiBaseUrl) : undefined) as any
}
