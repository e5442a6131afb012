/**
 * Checkout with Stripe (card, iDEAL) against the loopback fake, and Stripe's webhooks
 * through Medusa's /hooks/payment/<provider> route: the shopper who closes the tab
 * after 3-D Secure or at the bank still gets an order, replays and late events change
 * nothing, badly signed events are refused.
 */
import fs from "node:fs"
import Stripe from "stripe"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PAYMENT_PROVIDER_IDS } from "../../src/config/modules"
import { seedShop } from "../../src/seed/seed-shop"
import { reconcilePaymentsWorkflow } from "../../src/workflows/payments/reconcile-payments"
import { FAKE_STRIPE_API_KEY, FAKE_STRIPE_WEBHOOK_SECRET } from "../utils/fake-stripe"
import { useFakeStripe } from "../utils/use-fake-stripe"
import {
  cartReadyForPayment,
  completeCart,
  confirmationMails,
  ordersForCart,
  readMails,
  regionId,
  startPayment,
  storeHeaders,
  waitFor,
  type StoreHeaders,
} from "../utils/checkout"

// Generous: booting Medusa (migrations) on a shared 2-core machine can take minutes.
jest.setTimeout(300 * 1000)

const stripe = useFakeStripe("stripe")
const STRIPE_KEY = FAKE_STRIPE_API_KEY
const WEBHOOK_SECRET = FAKE_STRIPE_WEBHOOK_SECRET
const MAIL_DIR = stripe.mailDir
const LINES = [
  { sku: "STK-RAAM-1015-BIN", quantity: 2 },
  { sku: "BORD-WAB-3045-ALU", quantity: 1 },
] // € 35,30 with shipping

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: StoreHeaders
    let webhooks: ReturnType<typeof watchWebhooks>

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      stripe.fake.reset()
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      headers = await storeHeaders(getContainer())
      webhooks = watchWebhooks(getContainer())
    })

    afterEach(() => {
      webhooks.stop()
      jest.restoreAllMocks()
    })

    /** Signs like Stripe does (Stripe-Signature: t=…,v1=HMAC-SHA256) and posts to Medusa's route. */
    const postWebhook = async (event: object, { secret = WEBHOOK_SECRET, provider = "stripe_stripe", signature }: { secret?: string; provider?: string; signature?: string } = {}) => {
      const payload = JSON.stringify(event)
      const header = signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret })
      return api.post(`/hooks/payment/${provider}`, payload, {
        headers: { "content-type": "application/json", "stripe-signature": header },
        validateStatus: () => true,
      })
    }

    /** Posts the event and waits until Medusa's subscriber has processed it. */
    const deliver = async (event: object, provider = "stripe_stripe") => {
      const done = webhooks.expectOne()
      const response = await postWebhook(event, { provider })
      expect(response.status).toBe(200)
      return done
    }

    const paymentsOf = async (cartId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "cart",
        fields: [
          "completed_at",
          "payment_collection.status",
          "payment_collection.payment_sessions.status",
          "payment_collection.payments.id",
          "payment_collection.payments.amount",
          "payment_collection.payments.captured_at",
          "payment_collection.payments.canceled_at",
          "payment_collection.payments.captures.id",
        ],
        filters: { id: cartId },
      })
      return data[0] as any
    }

    it("offers card + iDEAL in Nederland and card + Bancontact in België, next to Op factuur (Betalen op rekening only when switched on); the seed never duplicates links", async () => {
      const ids = async (name: "Nederland" | "België") => {
        const { data } = await api.get(`/store/payment-providers?region_id=${await regionId(api, headers, name)}`, headers)
        return data.payment_providers.map((p: any) => p.id).sort()
      }
      const { card, ideal, bancontact, manual, invoice } = PAYMENT_PROVIDER_IDS
      expect(await ids("Nederland")).toEqual([card, ideal, invoice].sort())
      expect(await ids("België")).toEqual([bancontact, card, invoice].sort())

      const links = async () =>
        (await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "region_payment_provider", fields: ["id"] })).data.length
      expect(await links()).toBe(6)
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
      expect(await links()).toBe(6)

      // Stripe removed from the configuration: its links go, manual stays; back again: re-added.
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test", paymentProviders: { nl: [manual], be: [manual] } })
      expect(await ids("Nederland")).toEqual([manual])
      expect(await ids("België")).toEqual([manual])
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
      expect(await ids("Nederland")).toEqual([card, ideal, invoice].sort())
      expect(await links()).toBe(6)
    })

    it("refuses a Betalen op rekening session while PAY_ON_ACCOUNT is off (Medusa itself accepts any registered provider)", async () => {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: "BORD-WAB-3045-ALU", quantity: 1 }] })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cart.id }, headers)
      const refused = await api
        .post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: PAYMENT_PROVIDER_IDS.manual }, headers)
        .catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data).toEqual({ type: "not_allowed", message: "Betalen op rekening is niet beschikbaar. Kies een andere betaalmethode." })
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "payment_collection", fields: ["payment_sessions.id"], filters: { id: pc.payment_collection.id } })
      expect(data[0].payment_sessions).toEqual([])
    })

    it("card: Medusa creates the PaymentIntent on the configured host (cents, eur, session id); after stripe.js confirms, complete places the order", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.card)

      // STRIPE_API_BASE_URL took effect: the provider talked to the fake, with our key.
      const [create] = stripe.fake.calls("POST", /^\/v1\/payment_intents$/)
      expect(create).toMatchObject({
        authorization: `Bearer ${STRIPE_KEY}`,
        idempotencyKey: session.id,
        body: { amount: "3530", currency: "eur", capture_method: "manual", metadata: { session_id: session.id } },
      })
      expect(session.data).toMatchObject({ id: expect.stringMatching(/^pi_/), client_secret: expect.stringMatching(/^pi_.+_secret_/), status: "requires_payment_method" })

      stripe.fake.confirm(session.data.id, "succeeds") // stripe.js in the browser
      const { status, body } = await completeCart(api, headers, cart.id)
      expect(status).toBe(200)
      expect(body.type).toBe("order")
      expect(body.order.total).toBeCloseTo(35.3, 2)
      await confirmationMails(container, MAIL_DIR, body.order.id)

      // The intent was authorised only (manual capture); placing the order captures it
      // (subscriber capture-card-payment), once, so the authorisation cannot lapse.
      const captured = await waitFor(async () => {
        const state = await paymentsOf(cart.id)
        return state.payment_collection.payments[0]?.captured_at ? state : null
      }, { what: "capture at order placement" })
      expect(captured.payment_collection.payments).toHaveLength(1)
      expect(captured.payment_collection.payments[0].captures).toHaveLength(1)
      expect(stripe.fake.calls("POST", new RegExp(`^/v1/payment_intents/${session.data.id}/capture$`))).toHaveLength(1)
      expect(stripe.fake.intents.get(session.data.id)!.status).toBe("succeeded")
      expect(stripe.fake.intents.get(session.data.id)!.amount_received).toBe(3530)

      // Stripe's own webhooks for the authorisation and the capture arrive afterwards: nothing changes.
      await deliver(stripe.fake.event("payment_intent.amount_capturable_updated", session.data.id))
      await deliver(stripe.fake.event("payment_intent.succeeded", session.data.id))
      expect(await ordersForCart(container, cart.id)).toEqual([body.order.id])
      const after = await paymentsOf(cart.id)
      expect(after.payment_collection.payments).toHaveLength(1)
      expect(after.payment_collection.payments[0].captures).toHaveLength(1)
      expect(stripe.fake.calls("POST", /\/capture$/)).toHaveLength(1)
    })

    it("declined card: no order, the cart stays open and the session carries Stripe's decline; a new session with another card succeeds", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.card)
      stripe.fake.confirm(session.data.id, "declined")

      const first = await completeCart(api, headers, cart.id)
      // Medusa 2.21.2 answers 400 not_allowed, not 200 + type "cart": authorizePaymentSessionStep
      // rethrows the Payment Module's NOT_ALLOWED error before it maps the session status.
      expect(first.status).toBe(400)
      expect(first.body).toEqual({ type: "not_allowed", message: `Session: ${session.id} was not authorized with the provider.` })
      expect(await ordersForCart(container, cart.id)).toEqual([])

      const { data } = await api.get(`/store/carts/${cart.id}?fields=completed_at,*payment_collection.payment_sessions`, headers)
      expect(data.cart.completed_at).toBeNull()
      const [failed] = data.cart.payment_collection.payment_sessions
      expect(failed.status).toBe("error")
      expect(failed.data.last_payment_error).toMatchObject({ code: "card_declined", message: "Your card was declined." })

      // A session in "error" cannot complete the cart ("Payment sessions are required"):
      // the storefront starts a new session (a new PaymentIntent) for the next card.
      const retry = await completeCart(api, headers, cart.id)
      expect(retry.body).toEqual({ type: "invalid_data", message: "Payment sessions are required to complete cart" })
      const { data: again } = await api.post(
        `/store/payment-collections/${data.cart.payment_collection.id}/payment-sessions`,
        { provider_id: PAYMENT_PROVIDER_IDS.card },
        headers
      )
      const [next] = again.payment_collection.payment_sessions
      expect(next.id).not.toBe(session.id)
      expect(next.data.id).not.toBe(session.data.id)
      stripe.fake.confirm(next.data.id, "succeeds")
      const second = await completeCart(api, headers, cart.id)
      expect(second.body.type).toBe("order")
      expect(await ordersForCart(container, cart.id)).toEqual([second.body.order.id])
      await confirmationMails(container, MAIL_DIR, second.body.order.id)
    })

    it("3-D Secure, shopper closes the tab: no order until Stripe's webhook, then exactly one; replays and late events change nothing", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.card)
      const intentId = session.data.id
      stripe.fake.confirm(intentId, "requires_action")
      const earlyEvent = stripe.fake.event("payment_intent.requires_action", intentId) // snapshot, delivered late below

      // Completing while 3-D Secure is pending: no order; the session says what is needed.
      const attempt = await completeCart(api, headers, cart.id)
      expect(attempt.status).toBe(400)
      expect(attempt.body.type).toBe("not_allowed")
      const pending = await paymentsOf(cart.id)
      expect(pending.completed_at).toBeNull()
      expect(pending.payment_collection.payment_sessions[0].status).toBe("requires_more")
      expect(await ordersForCart(container, cart.id)).toEqual([])

      // The shopper passes 3-D Secure and closes the tab; Stripe reports the authorisation.
      stripe.fake.completeAction(intentId, "succeeds")
      const authorised = stripe.fake.event("payment_intent.amount_capturable_updated", intentId)
      await deliver(authorised)
      const [orderId] = await ordersForCart(container, cart.id)
      expect(orderId).toBeDefined()

      const placed = await waitFor(async () => {
        const state = await paymentsOf(cart.id)
        return state.payment_collection.payments[0]?.captured_at ? state : null
      }, { what: "capture of the webhook's order" })
      expect(placed.completed_at).not.toBeNull()
      expect(placed.payment_collection.payments).toHaveLength(1)
      expect(await confirmationMails(container, MAIL_DIR, orderId)).toHaveLength(1)

      // Stripe retries the same event; then an older event and a failure arrive out of order.
      await deliver(authorised)
      await deliver(earlyEvent)
      await deliver(stripe.fake.event("payment_intent.payment_failed", intentId))
      await deliver(stripe.fake.event("payment_intent.canceled", intentId))

      expect(await ordersForCart(container, cart.id)).toEqual([orderId])
      const after = await paymentsOf(cart.id)
      expect(after.payment_collection.payments).toHaveLength(1)
      expect(after.payment_collection.payments[0].canceled_at).toBeNull()
      expect(after.payment_collection.payments[0].captures).toHaveLength(1)
      const order = await container.resolve(Modules.ORDER).retrieveOrder(orderId)
      expect(order.status).toBe("pending")
      expect(stripe.fake.calls("POST", /\/cancel$/)).toEqual([])
      expect(stripe.fake.calls("POST", /\/capture$/)).toHaveLength(1)
      expect(stripe.fake.intents.get(intentId)!.status).toBe("succeeded")
      expect(await confirmationMails(container, MAIL_DIR, orderId)).toHaveLength(1)
    })

    it("iDEAL, shopper never returns from the bank: payment_intent.succeeded places the order, captured once; a replay captures nothing twice", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.ideal)
      const intentId = session.data.id
      expect(stripe.fake.calls("POST", /^\/v1\/payment_intents$/)[0].body).toMatchObject({
        amount: "3530",
        currency: "eur",
        capture_method: "automatic",
        payment_method_types: ["ideal"],
        metadata: { session_id: session.id },
      })

      stripe.fake.confirm(intentId, "requires_action") // redirect to the bank
      expect(stripe.fake.intents.get(intentId)!.next_action).toMatchObject({ type: "redirect_to_url" })
      stripe.fake.completeAction(intentId, "succeeds")
      const succeeded = stripe.fake.event("payment_intent.succeeded", intentId)
      await deliver(succeeded, "stripe-ideal_stripe")

      const [orderId] = await ordersForCart(container, cart.id)
      expect(orderId).toBeDefined()
      const placed = await paymentsOf(cart.id)
      expect(placed.payment_collection.payments).toHaveLength(1)
      expect(placed.payment_collection.payments[0].captured_at).not.toBeNull()
      expect(placed.payment_collection.payments[0].captures).toHaveLength(1)
      await confirmationMails(container, MAIL_DIR, orderId)

      await deliver(succeeded, "stripe-ideal_stripe")
      await deliver(stripe.fake.event("payment_intent.payment_failed", intentId), "stripe-ideal_stripe")

      // Had the shopper come back from the bank after all, completing answers with that order.
      const late = await completeCart(api, headers, cart.id)
      expect(late.status).toBe(200)
      expect(late.body.type).toBe("order")
      expect(late.body.order.id).toBe(orderId)

      expect(await ordersForCart(container, cart.id)).toEqual([orderId])
      const after = await paymentsOf(cart.id)
      expect(after.payment_collection.payments).toHaveLength(1)
      expect(after.payment_collection.payments[0].captures).toHaveLength(1)
      const transactions = await container.resolve(Modules.ORDER).listOrderTransactions({ order_id: orderId })
      expect(transactions.map((t) => [t.reference, Number(t.amount)])).toEqual([["capture", 35.3]])
      expect(stripe.fake.calls("POST", /\/capture$/)).toEqual([]) // iDEAL is captured by Stripe, never by Medusa
    })

    it("refuses webhooks with a bad or missing signature (400) and changes nothing", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.card)
      stripe.fake.confirm(session.data.id, "succeeds")
      const event = stripe.fake.event("payment_intent.amount_capturable_updated", session.data.id)
      const emitted = jest.spyOn(container.resolve(Modules.EVENT_BUS), "emit")

      const wrongSecret = await postWebhook(event, { secret: "whsec_not_ours" })
      const noSignature = await postWebhook(event, { signature: "" })
      const tampered = await postWebhook({ ...event, id: "evt_forged" }, { signature: Stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret: WEBHOOK_SECRET }) })
      for (const response of [wrongSecret, noSignature, tampered]) {
        expect(response.status).toBe(400)
        expect(response.data).toEqual({ type: "invalid_data", message: "Webhook geweigerd." })
      }
      expect(emitted.mock.calls.filter(([e]: any) => e?.name === "payment.webhook_received")).toEqual([])
      expect(await ordersForCart(container, cart.id)).toEqual([])
      expect((await paymentsOf(cart.id)).payment_collection.payments).toEqual([])

      // The same event, correctly signed, is processed.
      await deliver(event)
      const [orderId] = await ordersForCart(container, cart.id)
      expect(orderId).toBeDefined()
      await confirmationMails(container, MAIL_DIR, orderId)
    })

    it("a refused webhook answers one generic sentence; the provider's own explanation goes to the log only", async () => {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const warned = jest.spyOn(logger, "warn")
      const event = { id: "evt_refused", object: "event", type: "payment_intent.succeeded", data: { object: { id: "pi_refused", object: "payment_intent" } } }
      const attempts = [
        await postWebhook(event, { secret: "whsec_not_ours" }),
        await postWebhook(event, { signature: "t=1,v1=00" }),
        await postWebhook(event, { provider: "stripe-ideal_stripe", secret: "whsec_not_ours" }),
        await postWebhook(event, { provider: "does-not-exist" }),
        await postWebhook(event, { provider: "STRIPE_STRIPE" }),
        // ("pp_stripe_stripe" is Medusa's own alias of the card provider: correctly signed it is accepted.)
        await postWebhook(event, { provider: "pp_stripe_stripe", secret: "whsec_not_ours" }),
        await postWebhook(event, { provider: "stripe_stripe%0Aforged" }),
      ]
      for (const response of attempts) {
        expect(response.status).toBe(400)
        // Before: "Webhook Error: An error occurred in constructWebhookEvent ..." or the module's resolution error with provider ids.
        expect(response.data).toEqual({ type: "invalid_data", message: "Webhook geweigerd." })
      }
      const lines = warned.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith("Payment webhook for provider"))
      expect(lines).toHaveLength(attempts.length)
      expect(lines[0]).toContain('"stripe_stripe" refused: ')
      expect(lines[0]).toContain("constructWebhookEvent")
      expect(lines.every((line) => !line.includes("\n"))).toBe(true)
    })

    it("storefront completion racing Stripe's webhook: exactly one order", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.card)
      stripe.fake.confirm(session.data.id, "succeeds")

      const done = webhooks.expectOne()
      const [hook, completion] = await Promise.all([
        postWebhook(stripe.fake.event("payment_intent.amount_capturable_updated", session.data.id)),
        completeCart(api, headers, cart.id),
      ])
      await done
      expect(hook.status).toBe(200)
      const orders = await ordersForCart(container, cart.id)
      expect(orders).toHaveLength(1)
      // Whoever got there first placed it; the storefront's answer names that order.
      expect(completion.status).toBe(200)
      expect(completion.body.type).toBe("order")
      expect(completion.body.order.id).toBe(orders[0])
      expect((await paymentsOf(cart.id)).payment_collection.payments).toHaveLength(1)
      expect(await confirmationMails(container, MAIL_DIR, orders[0])).toHaveLength(1)
    })

    /** Runs the reconciliation job's workflow as if N minutes had passed since every session was started. */
    const reconcile = async () => {
      const { result } = await reconcilePaymentsWorkflow(getContainer()).run({
        input: { older_than: new Date(Date.now() + 60_000).toISOString(), newer_than: new Date(Date.now() - 3_600_000).toISOString() },
      })
      return result
    }
    // The mail provider names each .eml file after its template.
    const staffAlerts = () => readMails(MAIL_DIR).filter((m) => m.file.includes("payment-without-order"))

    it("reconciliation: an iDEAL payment whose webhook was lost becomes an order; open and unpaid carts are left alone", async () => {
      const container = getContainer()
      const paid = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, paid.id, PAYMENT_PROVIDER_IDS.ideal)
      stripe.fake.confirm(session.data.id, "requires_action")
      stripe.fake.completeAction(session.data.id, "succeeds") // paid at the bank, tab closed, webhook never arrives

      const unpaid = await cartReadyForPayment(api, headers, container, { lines: LINES, email: "bram@example.nl" })
      const { session: open } = await startPayment(api, headers, unpaid.id, PAYMENT_PROVIDER_IDS.card)
      stripe.fake.confirm(open.data.id, "requires_action") // still in 3-D Secure

      // Not yet N minutes old: nothing happens.
      const early = await reconcilePaymentsWorkflow(container).run({
        input: { older_than: new Date(Date.now() - 15 * 60_000).toISOString(), newer_than: new Date(Date.now() - 3_600_000).toISOString() },
      })
      expect(early.result).toEqual([])
      expect(await ordersForCart(container, paid.id)).toEqual([])

      const outcomes = await reconcile()
      expect(outcomes).toHaveLength(1)
      expect(outcomes[0]).toMatchObject({ cart_id: paid.id, intent_id: session.data.id, intent_status: "succeeded", error: null })
      const [orderId] = await ordersForCart(container, paid.id)
      expect(outcomes[0].order_id).toBe(orderId)
      await confirmationMails(container, MAIL_DIR, orderId)
      expect(await ordersForCart(container, unpaid.id)).toEqual([])
      expect(stripe.fake.intents.get(open.data.id)!.status).toBe("requires_action")

      // The next run finds nothing more to do, and nobody was alerted.
      expect(await reconcile()).toEqual([])
      expect(staffAlerts()).toEqual([])
    })

    it("reconciliation: a paid cart that cannot become an order (sold out meanwhile) gives staff exactly one e-mail with the payment and cart", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, { lines: LINES })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.ideal)
      stripe.fake.confirm(session.data.id, "requires_action")
      stripe.fake.completeAction(session.data.id, "succeeds")

      // Meanwhile the last signs were sold elsewhere.
      const inventory = container.resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: "BORD-WAB-3045-ALU" })
      const levels = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      await inventory.updateInventoryLevels(levels.map((l) => ({ inventory_item_id: item.id, location_id: l.location_id, stocked_quantity: Number(l.reserved_quantity) })))

      const [outcome] = await reconcile()
      expect(outcome).toMatchObject({ cart_id: cart.id, intent_id: session.data.id, order_id: null })
      expect(outcome.error).toBeTruthy()
      expect(await ordersForCart(container, cart.id)).toEqual([])
      const alerts = await waitFor(async () => (staffAlerts().length ? staffAlerts() : null), { what: "staff alert" })
      expect(alerts).toHaveLength(1)
      expect(alerts[0].text).toContain(`Stripe-betaling: ${session.data.id} (succeeded)`)
      expect(alerts[0].text).toContain(cart.id)
      expect(alerts[0].text).toContain("anouk@example.nl")
      expect(alerts[0].text).toMatch(/35,30/)

      // Later runs leave the alerted payment to staff: no second attempt, no second mail.
      expect(await reconcile()).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(staffAlerts()).toHaveLength(1)
      expect(await ordersForCart(container, cart.id)).toEqual([])
    })
  },
})

/**
 * Knows when Medusa has processed a webhook: its payment-webhook subscriber asks the
 * Payment Module for the event's action (after our route asked the same to verify
 * it), and for actions it acts on runs process-payment-workflow. `expectOne()`
 * resolves when the next webhook got that far.
 */
function watchWebhooks(container: any) {
  const payment = container.resolve(Modules.PAYMENT)
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const parse = jest.spyOn(payment, "getWebhookActionAndData")
  let finished = 0
  const subscriber = (event: { eventType: string }) => {
    if (event.eventType === "onFinish") finished++
  }
  engine.subscribe({ workflowId: "process-payment-workflow", subscriber })
  const ACTED_ON = ["authorized", "captured"]

  return {
    expectOne: async () => {
      const callsBefore = parse.mock.calls.length
      const finishedBefore = finished
      // Route (verification) + subscriber (processing).
      await waitFor(async () => parse.mock.calls.length >= callsBefore + 2, { what: "webhook processing", intervalMs: 10, timeoutMs: 60_000 })
      const result: any = await parse.mock.results[callsBefore + 1].value.catch((e: Error) => ({ action: `error: ${e.message}` }))
      if (ACTED_ON.includes(result.action) && result.data?.session_id) {
        await waitFor(async () => finished > finishedBefore, { what: "process-payment-workflow", intervalMs: 10, timeoutMs: 60_000 })
      }
      return result
    },
    stop: () => engine.unsubscribe({ workflowId: "process-payment-workflow", subscriberOrId: subscriber }),
  }
}
