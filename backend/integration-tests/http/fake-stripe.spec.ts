/**
 * The loopback Stripe fake, checked with the Stripe SDK the provider ships and with
 * our Stripe provider services themselves (no Medusa app needed): the wire format,
 * errors and state transitions the checkout tests rely on.
 */
import Stripe from "stripe"
import { loadProviderStripeSdk } from "../../src/modules/stripe-payment/client"
import { StripeCardService, StripeIdealPaymentService } from "../../src/modules/stripe-payment/services"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { parseStripeForm, startFakeStripe, type FakeStripe } from "../utils/fake-stripe"
import { browserRoutes } from "../utils/fake-stripe-browser"

const KEY = "sk_test_fake_unit"
let fake: FakeStripe
let stripe: any

beforeAll(async () => {
  fake = await startFakeStripe({ apiKey: KEY })
  const Sdk = loadProviderStripeSdk()
  stripe = new Sdk(KEY, { host: "127.0.0.1", port: fake.port, protocol: "http" })
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

describe("fake Stripe, through the provider's Stripe SDK", () => {
  it("parses Stripe's form encoding", () => {
    expect(parseStripeForm("amount=3530&metadata[session_id]=payses_1&expand[0]=payment_method&payment_method_types[0]=ideal")).toEqual({
      amount: "3530",
      metadata: { session_id: "payses_1" },
      expand: ["payment_method"],
      payment_method_types: ["ideal"],
    })
  })

  it("creates, confirms with a test card, captures and refunds a PaymentIntent", async () => {
    const created = await stripe.paymentIntents.create({ amount: 1295, currency: "eur", capture_method: "manual", metadata: { session_id: "payses_1" } })
    expect(created).toMatchObject({ object: "payment_intent", amount: 1295, currency: "eur", status: "requires_payment_method", metadata: { session_id: "payses_1" } })
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`))

    const confirmed = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" })
    expect(confirmed).toMatchObject({ status: "requires_capture", amount_capturable: 1295, latest_charge: expect.stringMatching(/^ch_/) })
    const expanded = await stripe.paymentIntents.retrieve(created.id, { expand: ["payment_method"] })
    expect(expanded.payment_method).toMatchObject({ id: "pm_card_visa", type: "card" })

    const captured = await stripe.paymentIntents.capture(created.id)
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 1295, amount_capturable: 0 })
    await expect(stripe.paymentIntents.capture(created.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "payment_intent_unexpected_state",
      payment_intent: { status: "succeeded" },
    })

    const refund = await stripe.refunds.create({ payment_intent: created.id, amount: 500 })
    expect(refund).toMatchObject({ object: "refund", amount: 500, status: "succeeded" })
    await stripe.refunds.create({ payment_intent: created.id })
    await expect(stripe.refunds.create({ payment_intent: created.id })).rejects.toMatchObject({ code: "charge_already_refunded" })
  })

  it("declines pm_card_chargeDeclined like Stripe: 402 card_error carrying the intent", async () => {
    const created = await stripe.paymentIntents.create({ amount: 500, currency: "eur" })
    await expect(stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_chargeDeclined" })).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
      payment_intent: { id: created.id, status: "requires_payment_method", last_payment_error: { code: "card_declined" } },
    })
  })

  it("asks for 3-D Secure with pm_card_authenticationRequired, and the test completes it", async () => {
    const created = await stripe.paymentIntents.create({ amount: 500, currency: "eur", capture_method: "manual" })
    const pending = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_authenticationRequired" })
    expect(pending).toMatchObject({ status: "requires_action", next_action: { type: "use_stripe_sdk" } })
    expect(fake.completeAction(created.id).status).toBe("requires_capture")
    const event = fake.event("payment_intent.amount_capturable_updated", created.id)
    expect(event).toMatchObject({ object: "event", type: "payment_intent.amount_capturable_updated", data: { object: { id: created.id, amount_capturable: 500 } } })
  })

  it("replays a POST with the same Idempotency-Key, refuses other keys and unknown objects", async () => {
    const a = await stripe.paymentIntents.create({ amount: 100, currency: "eur" }, { idempotencyKey: "k1" })
    const b = await stripe.paymentIntents.create({ amount: 100, currency: "eur" }, { idempotencyKey: "k1" })
    expect(b.id).toBe(a.id)
    expect(fake.intents.size).toBe(1)

    const Sdk = loadProviderStripeSdk()
    const stranger: any = new Sdk("sk_test_other", { host: "127.0.0.1", port: fake.port, protocol: "http" })
    await expect(stranger.paymentIntents.retrieve(a.id)).rejects.toMatchObject({ type: "StripeAuthenticationError" })
    await expect(stripe.paymentIntents.retrieve("pi_nope")).rejects.toMatchObject({ code: "resource_missing", statusCode: 404 })
  })

  it("refuses oversized bodies", async () => {
    const response = await fetch(`${fake.url}/v1/payment_intents`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: `description=${"x".repeat(300 * 1024)}`,
    })
    expect(response.status).toBe(413)
  })
})

describe("our Stripe provider services against the fake", () => {
  const options = { apiKey: KEY, webhookSecret: "whsec_unit", apiBaseUrl: "" }
  beforeAll(() => {
    options.apiBaseUrl = fake.url
  })

  it("card: initiate (cents, session id), authorise after confirmation, capture, refund, cancel", async () => {
    const card = new StripeCardService({}, options)
    const initiated = await card.initiatePayment({ amount: 35.3, currency_code: "eur", data: { session_id: "payses_9" }, context: { idempotency_key: "payses_9" } } as any)
    expect(initiated).toMatchObject({ id: expect.stringMatching(/^pi_/), status: "pending" })
    expect(fake.calls("POST", /^\/v1\/payment_intents$/)[0].body).toMatchObject({ amount: "3530", currency: "eur", capture_method: "manual", metadata: { session_id: "payses_9" } })

    fake.confirm(initiated.id, "succeeds")
    const authorised = await card.authorizePayment({ data: { id: initiated.id } } as any)
    expect(authorised.status).toBe("authorized")
    const captured = await card.capturePayment({ data: { id: initiated.id } } as any)
    expect(captured.data).toMatchObject({ status: "succeeded" })
    // Capturing again is tolerated by the provider (Stripe says unexpected state, intent succeeded).
    await expect(card.capturePayment({ data: { id: initiated.id } } as any)).resolves.toMatchObject({ data: { status: "succeeded" } })
    await card.refundPayment({ amount: 10, data: { id: initiated.id, currency: "eur" } } as any)
    expect(fake.calls("POST", /^\/v1\/refunds$/)[0].body).toMatchObject({ amount: "1000", payment_intent: initiated.id })

    const other = await card.initiatePayment({ amount: 5, currency_code: "eur", data: { session_id: "payses_10" } } as any)
    const canceled = await card.cancelPayment({ data: { id: other.id } } as any)
    expect(canceled.data).toMatchObject({ status: "canceled" })
  })

  it("maps declined and 3-D Secure intents to error and requires_more", async () => {
    const card = new StripeCardService({}, options)
    const declined = await card.initiatePayment({ amount: 1, currency_code: "eur", data: { session_id: "s1" } } as any)
    fake.confirm(declined.id, "declined")
    expect((await card.authorizePayment({ data: { id: declined.id } } as any)).status).toBe("error")
    const threeDs = await card.initiatePayment({ amount: 1, currency_code: "eur", data: { session_id: "s2" } } as any)
    fake.confirm(threeDs.id, "requires_action")
    expect((await card.authorizePayment({ data: { id: threeDs.id } } as any)).status).toBe("requires_more")
  })

  it("iDEAL: automatic capture; a signed payment_intent.succeeded maps to captured for the session", async () => {
    const ideal = new StripeIdealPaymentService({}, options)
    const initiated = await ideal.initiatePayment({ amount: 12.95, currency_code: "eur", data: { session_id: "payses_i" } } as any)
    expect(fake.intents.get(initiated.id)).toMatchObject({ capture_method: "automatic", payment_method_types: ["ideal"] })
    fake.confirm(initiated.id, "requires_action")
    fake.completeAction(initiated.id)
    const payload = JSON.stringify(fake.event("payment_intent.succeeded", initiated.id))
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_unit" })
    const result = await ideal.getWebhookActionAndData({ data: JSON.parse(payload), rawData: Buffer.from(payload), headers: { "stripe-signature": signature } })
    expect(result).toEqual({ action: "captured", data: { session_id: "payses_i", amount: 12.95 } })
    expect(() =>
      ideal.constructWebhookEvent({ data: {}, rawData: Buffer.from(payload), headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" }) } })
    ).toThrow(/constructWebhookEvent/)
  })
})

describe("fake Stripe for the browser (Stripe.js stand-in, test bank, webhooks)", () => {
  const PK = "pk_test_browser"
  const WHSEC = "whsec_browser"
  let browserFake: FakeStripe
  let backend: http.Server
  const received: { path: string; event: any }[] = []

  beforeAll(async () => {
    // Plays the backend: verifies each webhook's signature as the provider does.
    backend = http.createServer((req, res) => {
      let raw = ""
      req.on("data", (c) => (raw += c))
      req.on("end", () => {
        try {
          received.push({ path: req.url ?? "", event: Stripe.webhooks.constructEvent(raw, String(req.headers["stripe-signature"]), WHSEC) })
          res.writeHead(200).end()
        } catch {
          res.writeHead(400).end()
        }
      })
    })
    await new Promise<void>((r) => backend.listen(0, "127.0.0.1", () => r()))
    browserFake = await startFakeStripe({
      apiKey: KEY,
      extraRoutes: browserRoutes({
        publishableKey: PK,
        script: "window.Stripe = function () {}; // origin: __FAKE_STRIPE_ORIGIN__",
        webhook: { backendUrl: `http://127.0.0.1:${(backend.address() as AddressInfo).port}`, secret: WHSEC },
      }),
    })
  })
  afterAll(async () => {
    await browserFake.close()
    await new Promise((r) => backend.close(r))
  })
  beforeEach(() => {
    received.length = 0
  })

  const sdk = () => new (loadProviderStripeSdk() as any)(KEY, { host: "127.0.0.1", port: browserFake.port, protocol: "http" })
  const confirm = (id: string, fields: Record<string, string>) =>
    fetch(`${browserFake.url}/js/payment_intents/${id}/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    })
  const waitForWebhook = async () => {
    for (let i = 0; i < 100 && !received.length; i++) await new Promise((r) => setTimeout(r, 20))
    return received[0]
  }

  it("serves the Stripe.js stand-in with its own origin", async () => {
    const response = await fetch(`${browserFake.url}/v3`)
    expect(response.headers.get("content-type")).toMatch(/javascript/)
    expect(await response.text()).toContain(`origin: http://127.0.0.1:${browserFake.port}`)
  })

  it("confirms only with the publishable key and the intent's client secret", async () => {
    const intent = await sdk().paymentIntents.create({ amount: 1295, currency: "eur", capture_method: "manual", metadata: { session_id: "payses_b1" } })
    expect((await confirm(intent.id, { key: PK, client_secret: `${intent.id}_secret_guess`, payment_method: "pm_card_visa" })).status).toBe(404)
    expect((await confirm(intent.id, { key: "pk_test_other", client_secret: intent.client_secret, payment_method: "pm_card_visa" })).status).toBe(404)
    expect(browserFake.intents.get(intent.id)!.status).toBe("requires_payment_method")
  })

  it("card: a decline answers in Dutch; the next card is authorised, signed webhook sent, redirect to return_url", async () => {
    const intent = await sdk().paymentIntents.create({ amount: 1295, currency: "eur", capture_method: "manual", metadata: { session_id: "payses_b2" } })
    const declined = await confirm(intent.id, { key: PK, client_secret: intent.client_secret, payment_method: "pm_card_chargeDeclined", return_url: "http://shop.test/betaling/afronden" })
    expect(declined.status).toBe(402)
    expect(await declined.json()).toEqual({ error: { type: "card_error", code: "card_declined", message: "Je kaart is geweigerd." } })
    expect(received).toEqual([])

    const paid = await confirm(intent.id, { key: PK, client_secret: intent.client_secret, payment_method: "pm_card_visa", return_url: "http://shop.test/betaling/afronden" })
    const body = await paid.json()
    expect(body.status).toBe("requires_capture")
    const back = new URL(body.redirect_url)
    expect(`${back.origin}${back.pathname}`).toBe("http://shop.test/betaling/afronden")
    expect(Object.fromEntries(back.searchParams)).toEqual({ payment_intent: intent.id, payment_intent_client_secret: intent.client_secret, redirect_status: "succeeded" })
    const hook = await waitForWebhook()
    expect(hook.path).toBe("/hooks/payment/stripe_stripe")
    expect(hook.event).toMatchObject({ type: "payment_intent.amount_capturable_updated", data: { object: { id: intent.id, metadata: { session_id: "payses_b2" } } } })
  })

  it("iDEAL: redirect to the test bank; approving there sends payment_intent.succeeded and returns the shopper", async () => {
    const intent = await sdk().paymentIntents.create({ amount: 3530, currency: "eur", capture_method: "automatic", payment_method_types: ["ideal"], metadata: { session_id: "payses_b3" } })
    const body = await (await confirm(intent.id, { key: PK, client_secret: intent.client_secret, return_url: "http://shop.test/betaling/afronden" })).json()
    expect(body).toEqual({ status: "requires_action", redirect_url: `${browserFake.url}/bank/${intent.id}` })
    const page = await (await fetch(body.redirect_url)).text()
    expect(page).toContain("iDEAL | Wero testbank")
    expect(page).toContain("35,30")

    const approved = await fetch(body.redirect_url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "choice=approve" })
    expect(approved.status).toBe(303)
    expect(new URL(approved.headers.get("location")!).searchParams.get("redirect_status")).toBe("succeeded")
    expect(browserFake.intents.get(intent.id)!.status).toBe("succeeded")
    const hook = await waitForWebhook()
    expect(hook.path).toBe("/hooks/payment/stripe-ideal_stripe")
    expect(hook.event.type).toBe("payment_intent.succeeded")
  })

  it("iDEAL cancelled at the bank returns with redirect_status=failed and no payment", async () => {
    const intent = await sdk().paymentIntents.create({ amount: 3530, currency: "eur", capture_method: "automatic", payment_method_types: ["ideal"], metadata: { session_id: "payses_b4" } })
    const body = await (await confirm(intent.id, { key: PK, client_secret: intent.client_secret, return_url: "http://shop.test/betaling/afronden" })).json()
    const cancelled = await fetch(body.redirect_url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "choice=fail" })
    expect(new URL(cancelled.headers.get("location")!).searchParams.get("redirect_status")).toBe("failed")
    expect(browserFake.intents.get(intent.id)!.status).toBe("requires_payment_method")
    expect((await waitForWebhook()).event.type).toBe("payment_intent.payment_failed")
  })
})
