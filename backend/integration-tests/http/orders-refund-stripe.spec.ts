/**
 * Capture, refunds and cancellations of card orders go through the Stripe provider
 * (against the loopback fake): the order's placement captures the card payment, staff
 * refund in the admin and Medusa calls Stripe; a cancel refunds what was captured, or
 * releases an authorisation that Stripe would not capture.
 */
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PAYMENT_PROVIDER_IDS } from "../../src/config/modules"
import { useSeededShop } from "../utils/seeded-shop"
import { useFakeStripe } from "../utils/use-fake-stripe"
import { cartReadyForPayment, completeCart, startPayment, storeHeaders, waitFor, type StoreHeaders } from "../utils/checkout"

// Generous: booting Medusa (migrations) on a shared 2-core machine can take minutes.
jest.setTimeout(300 * 1000)

const stripe = useFakeStripe("refund-stripe", { LOW_STOCK_THRESHOLD: "0" })
const MAIL_DIR = stripe.mailDir
const SIGN = "BORD-WAB-3045-ALU" // € 19,95 + € 6,95 parcel = € 26,90

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    beforeEach(() => stripe.fake.reset())
    const { store: headers, admin } = useSeededShop({ api, getContainer })

    async function cardOrder() {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity: 1 }] })
      const { session } = await startPayment(api, headers, cart.id, PAYMENT_PROVIDER_IDS.card)
      stripe.fake.confirm(session.data.id, "succeeds") // stripe.js in the browser
      const { status, body } = await completeCart(api, headers, cart.id)
      expect([status, body.type]).toEqual([200, "order"])
      return { order: body.order, intentId: session.data.id as string }
    }

    async function payment(orderId: string) {
      const { data } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at", "payment_collections.payments.refunds.amount"],
        filters: { id: orderId },
      })
      return (data[0] as any).payment_collections[0].payments[0]
    }

    async function available(sku: string) {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      return Number(level.stocked_quantity) - Number(level.reserved_quantity)
    }

    const refundCalls = (intentId: string) =>
      stripe.fake.calls("POST", /^\/v1\/refunds$/).filter((c) => c.body.payment_intent === intentId).map((c) => Number(c.body.amount))

    /** The order's payment once the capture at placement has been tried (captured, or refused by Stripe). */
    async function settled(orderId: string, intentId: string) {
      await waitFor(async () => stripe.fake.calls("POST", new RegExp(`^/v1/payment_intents/${intentId}/capture$`)).length > 0, { what: "capture attempt" })
      return waitFor(async () => {
        const p = await payment(orderId)
        return p.captured_at || stripe.fake.refuseCaptures ? p : null
      }, { what: "captured payment" })
    }

    it("a card payment is captured when the order is placed; staff refund part, canceling refunds the rest and restocks", async () => {
      const { order, intentId } = await cardOrder()
      const { id: paymentId, captured_at } = await settled(order.id, intentId)
      expect(captured_at).toBeTruthy()
      expect(stripe.fake.calls("POST", new RegExp(`^/v1/payment_intents/${intentId}/capture$`))).toHaveLength(1)
      expect(stripe.fake.intents.get(intentId)!.status).toBe("succeeded")

      // "Capture" again in the admin is a no-op for Medusa (200): Stripe is not asked twice.
      const twice = await api.post(`/admin/payments/${paymentId}/capture`, {}, admin).catch((e: any) => e.response)
      expect(twice.status).toBe(200)
      expect(stripe.fake.calls("POST", /\/capture$/)).toHaveLength(1)

      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 10, note: "Bord beschadigd" }, admin)
      expect(refundCalls(intentId)).toEqual([1000])
      expect((await payment(order.id)).refunds.map((r: any) => Number(r.amount))).toEqual([10])
      // Medusa refuses more than was captured before it asks Stripe.
      const tooMuch = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 30 }, admin).catch((e: any) => e.response)
      expect(tooMuch.status).toBe(400)
      expect(refundCalls(intentId)).toEqual([1000])

      const before = await available(SIGN)
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      expect(refundCalls(intentId)).toEqual([1000, 1690])
      const refunds = (await payment(order.id)).refunds.map((r: any) => Number(r.amount)).sort((a: number, b: number) => a - b)
      expect(refunds).toEqual([10, 16.9])
      expect(await available(SIGN)).toBe(before + 1)
    })

    it("when Stripe refuses the capture the order stays, authorised, and canceling it releases the authorisation and restocks", async () => {
      stripe.fake.refuseCaptures = true
      const before = await available(SIGN)
      const { order, intentId } = await cardOrder()
      expect(await available(SIGN)).toBe(before - 1)
      const p = await settled(order.id, intentId)
      expect(p.captured_at).toBeFalsy()
      expect(stripe.fake.intents.get(intentId)!.status).toBe("requires_capture")
      stripe.fake.refuseCaptures = false

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      expect(stripe.fake.calls("POST", new RegExp(`^/v1/payment_intents/${intentId}/cancel$`))).toHaveLength(1)
      expect(stripe.fake.intents.get(intentId)!.status).toBe("canceled")
      expect(refundCalls(intentId)).toEqual([])
      expect((await payment(order.id)).canceled_at).toBeTruthy()
      expect(await available(SIGN)).toBe(before)
    })
  },
})
