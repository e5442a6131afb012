import { loadProviderStripeSdk, parseStripeApiBaseUrl } from "../client"
import { StripeBancontactPaymentService, StripeCardService, StripeIdealPaymentService } from "../services"

describe("parseStripeApiBaseUrl", () => {
  it("turns an origin into the SDK's host, port and protocol", () => {
    expect(parseStripeApiBaseUrl("http://127.0.0.1:12111")).toEqual({ host: "127.0.0.1", port: 12111, protocol: "http" })
    expect(parseStripeApiBaseUrl("https://stripe.internal")).toEqual({ host: "stripe.internal", port: 443, protocol: "https" })
  })

  it("refuses other protocols", () => {
    expect(() => parseStripeApiBaseUrl("ftp://x")).toThrow(/http\(s\)/)
  })
})

describe("Stripe payment services", () => {
  const options = { apiKey: "sk_test_1", webhookSecret: "whsec_1" }
  const api = (service: any) => service.stripe_._api

  it("keep upstream's identifiers, so provider ids are pp_stripe_stripe, pp_stripe-ideal_stripe, pp_stripe-bancontact_stripe", () => {
    expect([StripeCardService, StripeIdealPaymentService, StripeBancontactPaymentService].map((s: any) => s.identifier)).toEqual([
      "stripe",
      "stripe-ideal",
      "stripe-bancontact",
    ])
  })

  it("talk to api.stripe.com exactly as upstream without apiBaseUrl", () => {
    const service = new StripeCardService({}, options)
    expect(api(service)).toMatchObject({ host: "api.stripe.com", port: "443", protocol: "https" })
  })

  it("talk to apiBaseUrl when set, with the SDK version the provider package ships", () => {
    const service = new StripeIdealPaymentService({}, { ...options, apiBaseUrl: "http://127.0.0.1:12111" })
    expect(api(service)).toMatchObject({ host: "127.0.0.1", port: 12111, protocol: "http" })
    expect((service as any).stripe_).toBeInstanceOf(loadProviderStripeSdk())
    expect((service as any).paymentIntentOptions).toEqual({ payment_method_types: ["ideal"], capture_method: "automatic" })
  })
})
