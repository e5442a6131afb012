import { readBackendEnv } from "../env"
import { buildModules, PAYMENT_PROVIDER_IDS, regionPaymentProviders } from "../modules"

const resolves = (env: Record<string, string>) => buildModules(readBackendEnv(env)).map((m) => m.resolve)
const moduleOptions = (env: Record<string, string>, resolve: string) =>
  buildModules(readBackendEnv(env)).find((m) => m.resolve === resolve)?.options as any

describe("buildModules", () => {
  it("keeps Medusa's in-memory defaults without Redis; payment and notification are always configured", () => {
    expect(resolves({})).toEqual(["@medusajs/medusa/payment", "@medusajs/medusa/notification", "./src/modules/invoice"])
  })

  it("moves events, workflows, locks and cache to Redis when REDIS_URL is set", () => {
    expect(resolves({ REDIS_URL: "redis://127.0.0.1:6379" })).toEqual([
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/locking",
      "@medusajs/medusa/caching",
      "@medusajs/medusa/payment",
      "@medusajs/medusa/notification",
      "./src/modules/invoice",
    ])
  })

  it("passes the Redis URL in the shape each Redis module reads", () => {
    const modules = Object.fromEntries(
      buildModules(readBackendEnv({ REDIS_URL: "redis://r:6379" })).map((m) => [m.resolve, m.options])
    )
    expect(modules["@medusajs/medusa/event-bus-redis"]).toEqual({ redisUrl: "redis://r:6379" })
    expect(modules["@medusajs/medusa/workflow-engine-redis"]).toEqual({ redis: { redisUrl: "redis://r:6379" } })
    expect(JSON.stringify(modules["@medusajs/medusa/locking"])).toContain('"redisUrl":"redis://r:6379"')
    expect(JSON.stringify(modules["@medusajs/medusa/caching"])).toContain('"redisUrl":"redis://r:6379"')
  })

  const invoiceProvider = { resolve: "./src/modules/invoice-payment", id: "invoice", options: {} }

  it("registers our Stripe provider module only with STRIPE_API_KEY, with id stripe and the webhook secret", () => {
    expect(moduleOptions({}, "@medusajs/medusa/payment").providers).toEqual([invoiceProvider])
    const payment = moduleOptions({ STRIPE_API_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" }, "@medusajs/medusa/payment")
    expect(payment.providers).toEqual([
      invoiceProvider,
      { resolve: "./src/modules/stripe-payment", id: "stripe", options: { apiKey: "sk_test_1", webhookSecret: "whsec_1" } },
    ])
  })

  it("always registers the invoice provider (pp_invoice_invoice), with and without Stripe", () => {
    for (const env of [{}, { STRIPE_API_KEY: "sk_test_1" }] as Record<string, string>[]) {
      expect(moduleOptions(env, "@medusajs/medusa/payment").providers).toContainEqual(invoiceProvider)
    }
  })

  it("points the Stripe client at STRIPE_API_BASE_URL only when it is set", () => {
    const payment = moduleOptions(
      { STRIPE_API_KEY: "sk_test_1", STRIPE_API_BASE_URL: "http://127.0.0.1:12111" },
      "@medusajs/medusa/payment"
    )
    expect(payment.providers.find((p: any) => p.id === "stripe").options.apiBaseUrl).toBe("http://127.0.0.1:12111")
  })

  it("passes the webhook delay and retries to the Payment Module (upstream's 5000 ms and 3 by default)", () => {
    expect(moduleOptions({}, "@medusajs/medusa/payment")).toMatchObject({ webhook_delay: 5000, webhook_retries: 3 })
    expect(
      moduleOptions({ PAYMENT_WEBHOOK_DELAY_MS: "20", PAYMENT_WEBHOOK_RETRIES: "5" }, "@medusajs/medusa/payment")
    ).toMatchObject({ webhook_delay: 20, webhook_retries: 5 })
  })

  it("keeps Medusa's feed provider and adds our mail provider for e-mail", () => {
    const notification = moduleOptions({ MAIL_DIR: "/tmp/mail", SMTP_URL: "smtp://mail:25" }, "@medusajs/medusa/notification")
    expect(notification.providers.map((p: any) => [p.resolve, p.id, p.options.channels])).toEqual([
      ["@medusajs/medusa/notification-local", "local", ["feed"]],
      ["./src/modules/notification-mail", "mail", ["email"]],
    ])
    expect(notification.providers[1].options).toMatchObject({ mailDir: "/tmp/mail", smtpUrl: "smtp://mail:25" })
  })
})

describe("regionPaymentProviders", () => {
  const { manual, card, ideal, bancontact, invoice } = PAYMENT_PROVIDER_IDS

  it("offers Betalen op rekening and Op factuur without Stripe", () => {
    expect(regionPaymentProviders({})).toEqual({ nl: [manual, invoice], be: [manual, invoice] })
  })

  it("offers card + iDEAL in Nederland and card + Bancontact in België with Stripe, invoice in both, no payment on account", () => {
    expect(regionPaymentProviders({ stripeApiKey: "sk_test_1" })).toEqual({
      nl: [card, ideal, invoice],
      be: [card, bancontact, invoice],
    })
  })

  it("adds Betalen op rekening beside Stripe only when staff switch it on (PAY_ON_ACCOUNT=true)", () => {
    expect(regionPaymentProviders({ stripeApiKey: "sk_test_1", payOnAccount: true })).toEqual({
      nl: [card, ideal, manual, invoice],
      be: [card, bancontact, manual, invoice],
    })
    expect(regionPaymentProviders({ payOnAccount: false })).toEqual({ nl: [manual, invoice], be: [manual, invoice] })
  })

  it("uses upstream's provider ids, so webhooks go to /hooks/payment/stripe_stripe and friends", () => {
    expect(PAYMENT_PROVIDER_IDS).toEqual({
      manual: "pp_system_default",
      card: "pp_stripe_stripe",
      ideal: "pp_stripe-ideal_stripe",
      bancontact: "pp_stripe-bancontact_stripe",
      invoice: "pp_invoice_invoice",
    })
  })
})
