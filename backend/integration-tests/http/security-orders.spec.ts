/**
 * Placing orders is limited per client address and per e-mail address (issue #24, item 7):
 * each order holds stock and mails the address typed at checkout. Through real HTTP with
 * the shipped budgets (10 orders per address per hour, 5 per e-mail address per hour):
 * the attack is refused with a Dutch 429 and Retry-After, in every spelling of the route
 * and the address, while a real shopper's retries (refused attempts, completing a cart that
 * already has its order) cost nothing, and carts paid through Stripe are never refused.
 */
import Stripe from "stripe"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { PAYMENT_PROVIDER_IDS } from "../../src/config/modules"
import { FAKE_STRIPE_WEBHOOK_SECRET } from "../utils/fake-stripe"
import { useFakeStripe } from "../utils/use-fake-stripe"
import { useSeededShop } from "../utils/seeded-shop"
import { cartReadyForPayment, ordersForCart, startPayment, waitFor } from "../utils/checkout"

jest.setTimeout(600 * 1000)

// The shipped budgets, not the generous ones integration-tests/setup.js gives the other specs.
delete process.env.ORDER_LIMIT_PER_ADDRESS
delete process.env.ORDER_LIMIT_PER_EMAIL
delete process.env.ORDER_LIMIT_PER_EMAIL_DAY

const stripe = useFakeStripe("security-orders", { PAY_ON_ACCOUNT: "true" })
const SIGN = "BORD-WAB-3045-ALU"
const TOO_MANY = /^Er zijn vanaf hier of met dit e-mailadres al veel bestellingen geplaatst\. Probeer het over \d+ minuten opnieuw/

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const { store } = useSeededShop({ api, getContainer, mailDir: stripe.mailDir })

    /** Store headers as a visitor at `address` (the specs' loopback proxy is trusted, see setup.js). */
    const from = (address: string) => ({ headers: { ...store.headers, "x-forwarded-for": address } })

    async function answer(request: Promise<any>) {
      const response = await request.catch((e: any) => e.response ?? Promise.reject(e))
      return { status: response.status as number, body: response.data, retryAfter: response.headers["retry-after"] as string | undefined }
    }

    async function cartOnAccount(address: string, email: string) {
      const cart = await cartReadyForPayment(api, from(address), getContainer(), { lines: [{ sku: SIGN, quantity: 1 }], email })
      await startPayment(api, from(address), cart.id, PAYMENT_PROVIDER_IDS.manual)
      return cart.id as string
    }

    const complete = (cartId: string, address: string, path = `/store/carts/${cartId}/complete`) => answer(api.post(path, {}, from(address)))

    async function reserved(): Promise<number> {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: SIGN })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      return Number(level.reserved_quantity)
    }

    it("one mailbox gets at most 5 orders an hour, whatever the spelling or the address; the 6th is refused with a Dutch 429 and reserves nothing", async () => {
      const spellings = ["slachtoffer@example.nl", "Slachtoffer@Example.NL", " slachtoffer+1@example.nl", "SLACHTOFFER+bestel@example.nl", "slachtoffer+x.y@example.nl"]
      for (const [i, email] of spellings.entries()) {
        const cartId = await cartOnAccount(`198.51.100.${i + 1}`, email)
        const placed = await complete(cartId, `198.51.100.${i + 1}`)
        expect([placed.status, placed.body.type]).toEqual([200, "order"])
      }

      const before = await reserved()
      const sixth = await cartOnAccount("198.51.100.99", "slachtoffer+zes@example.nl")
      const refused = await complete(sixth, "198.51.100.99")
      expect(refused.status).toBe(429)
      expect(refused.body).toEqual({ type: "too_many_requests", message: expect.stringMatching(TOO_MANY) })
      expect(Number(refused.retryAfter)).toBeGreaterThan(3000)
      expect(await ordersForCart(getContainer(), sixth)).toEqual([])
      expect(await reserved()).toBe(before)

      // Someone else at that address is not affected.
      const other = await complete(await cartOnAccount("198.51.100.99", "buurman@example.nl"), "198.51.100.99")
      expect([other.status, other.body.type]).toEqual([200, "order"])
    })

    it("one address places at most 10 orders an hour; refused attempts and completing a finished cart cost nothing; every spelling of the route counts", async () => {
      const address = "203.0.113.7"
      // Attempts that make no order (here: no payment chosen yet), many more than the budget: never refused.
      const unpaid = (await cartReadyForPayment(api, from(address), getContainer(), { lines: [{ sku: SIGN, quantity: 1 }], email: "poging@example.nl" })).id
      for (let i = 0; i < 12; i++) {
        const attempt = await complete(unpaid, address)
        expect(attempt.status).toBe(400)
      }

      const placed: string[] = []
      for (let i = 0; i < 10; i++) {
        const cartId = await cartOnAccount(address, `koper${i}@example.nl`)
        const result = await complete(cartId, address)
        expect([result.status, result.body.type]).toEqual([200, "order"])
        placed.push(cartId)
      }

      // The 11th new order is refused, through every spelling Express routes to the same handler.
      const eleventh = await cartOnAccount(address, "koper10@example.nl")
      for (const path of [`/store/carts/${eleventh}/complete`, `/store/carts/${eleventh}/complete/`, `/Store/Carts/${eleventh}/Complete`, `/store/carts/${eleventh}/complete?fields=id`]) {
        const refused = await complete(eleventh, address, path)
        expect(refused.status).toBe(429)
        expect(refused.body.message).toMatch(TOO_MANY)
      }
      expect(await ordersForCart(getContainer(), eleventh)).toEqual([])

      // The storefront asking again for a cart that already has its order (the 3-D Secure return,
      // waiting for the webhook) still gets that order.
      const again = await complete(placed[0], address)
      expect([again.status, again.body.type]).toEqual([200, "order"])
      expect(await ordersForCart(getContainer(), placed[0])).toHaveLength(1)

      // The same cart from another address: its own budget.
      const elsewhere = await complete(eleventh, "203.0.113.8")
      expect([elsewhere.status, elsewhere.body.type]).toEqual([200, "order"])
    })

    it("a cart paid through Stripe is not limited: the shopper's return and Stripe's webhook both place it, also with the budget spent", async () => {
      const email = "kaart@example.nl"
      const address = "192.0.2.50"
      for (let i = 0; i < 5; i++) {
        const placed = await complete(await cartOnAccount(address, email), address)
        expect(placed.body.type).toBe("order")
      }
      expect((await complete(await cartOnAccount(address, email), address)).status).toBe(429) // the budget is spent

      async function paidByCard() {
        const cart = await cartReadyForPayment(api, from(address), getContainer(), { lines: [{ sku: SIGN, quantity: 1 }], email })
        const { session } = await startPayment(api, from(address), cart.id, PAYMENT_PROVIDER_IDS.card)
        stripe.fake.confirm(session.data.id, "succeeds")
        return { cartId: cart.id as string, intentId: session.data.id as string }
      }

      // The shopper comes back from paying: the order is placed.
      const returned = await paidByCard()
      const placed = await complete(returned.cartId, address)
      expect([placed.status, placed.body.type]).toEqual([200, "order"])

      // The shopper closed the tab: Stripe's webhook places it (inside the backend, never through the limited route),
      // and the storefront asking afterwards gets that order.
      const closed = await paidByCard()
      const payload = JSON.stringify(stripe.fake.event("payment_intent.amount_capturable_updated", closed.intentId))
      const webhook = await api.post(`/hooks/payment/stripe_stripe`, payload, {
        headers: { "content-type": "application/json", "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: FAKE_STRIPE_WEBHOOK_SECRET }) },
      })
      expect(webhook.status).toBe(200)
      const [orderId] = await waitFor(async () => {
        const orders = await ordersForCart(getContainer(), closed.cartId)
        return orders.length ? orders : null
      }, { what: "the webhook's order" })
      const after = await complete(closed.cartId, address)
      expect([after.status, after.body.type, after.body.order?.id]).toEqual([200, "order", orderId])
    })
  },
})
