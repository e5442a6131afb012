/**
 * The loopback Stripe fake, checked with the Stripe SDK the provider ships and with
 * our Stripe provider services themselves (no Medusa app needed): the wire format,
 * errors and state transitions the checkout tests rely on.
 */
import Stripe from "stripe"
import { loadProviderStripeSdk } from "../../src/modules/stripe-payment/client"
import { StripeCardService, StripeIdealPaymentService } from "../../src/modules/stripe-payment/services"
import { parseStripeForm, startFakeStripe, type FakeStripe } from "../utils/fake-stripe"

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
