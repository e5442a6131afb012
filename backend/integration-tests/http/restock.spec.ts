/**
 * After a withdrawal the goods go back into stock through Medusa's own staff flows,
 * driven through the admin API on a real database:
 * - on return: a delivered order is returned (request, receive) and the received
 *   units are stocked again at the warehouse; the refund follows;
 * - on refund before shipment: staff take the withdrawn units off the order (order
 *   edit) and refund them; the reservation shrinks, so the units are for sale again.
 * (Cancelling releases reservations too: see unpaid-orders.spec.ts.)
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { useSeededShop } from "../utils/seeded-shop"
import { cartReadyForPayment, completeCart, startPayment, storeHeaders, type StoreHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-restock-"))
process.env.MAIL_DIR = MAIL_DIR
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-3045-ALU" // € 19,95

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const { store: headers, admin } = useSeededShop({ api, getContainer })
    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    async function level() {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: SIGN })
      const [l] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      return { stocked: Number(l.stocked_quantity), reserved: Number(l.reserved_quantity), location_id: l.location_id }
    }

    /** An order for 3 signs, paid on account and captured by staff (the money arrived), then withdrawn. */
    async function paidWithdrawnOrder() {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity: 3 }] })
      await startPayment(api, headers, cart.id, "pp_system_default")
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).toBe("order")
      const order = body.order
      const { data } = await api.get(`/admin/orders/${order.id}?fields=*items,*payment_collections.payments`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      return { order, item: data.order.items[0], payment }
    }

    const withdraw = (order: any) =>
      api.post("/store/withdrawals", { order_number: String(order.display_id), email: "anouk@example.nl" }, headers)

    async function refunded(paymentId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "payment", fields: ["refunds.amount"], filters: { id: paymentId } })
      return (data[0] as any).refunds.reduce((sum: number, r: any) => sum + Number(r.amount), 0)
    }

    it("on return: the withdrawn, delivered units are stocked again when staff receive the return, then refunded", async () => {
      const start = await level()
      const { order, item, payment } = await paidWithdrawnOrder()
      expect(await level()).toMatchObject({ stocked: start.stocked, reserved: start.reserved + 3 })

      // Shipped and delivered: the units leave the warehouse.
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items: [{ id: item.id, quantity: 3 }] }, admin)
      const { data: f } = await api.get(`/admin/orders/${order.id}?fields=*fulfillments`, admin)
      await api.post(`/admin/orders/${order.id}/fulfillments/${f.order.fulfillments[0].id}/mark-as-delivered`, {}, admin)
      expect(await level()).toMatchObject({ stocked: start.stocked - 3, reserved: start.reserved })

      // The shopper withdraws within 14 days of delivery.
      expect((await withdraw(order)).data.status).toBe("withdrawn")

      // Staff register the return and receive the parcel at the warehouse.
      const { data: begun } = await api.post("/admin/returns", { order_id: order.id, location_id: start.location_id, description: "Herroeping" }, admin)
      const returnId = begun.return.id
      await api.post(`/admin/returns/${returnId}/request-items`, { items: [{ id: item.id, quantity: 3 }] }, admin)
      await api.post(`/admin/returns/${returnId}/request`, {}, admin)
      expect(await level()).toMatchObject({ stocked: start.stocked - 3 }) // requested is not received
      await api.post(`/admin/returns/${returnId}/receive`, {}, admin)
      await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: item.id, quantity: 3 }] }, admin)
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin)
      expect(await level()).toMatchObject({ stocked: start.stocked, reserved: start.reserved })

      // The refund of the returned goods.
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 3 * 19.95 }, admin)
      expect(await refunded(payment.id)).toBeCloseTo(59.85, 2)
      expect(await level()).toMatchObject({ stocked: start.stocked, reserved: start.reserved })
    })

    it("on refund before shipment: staff take the withdrawn units off the order and refund them; the reservation is released", async () => {
      const start = await level()
      const { order, item, payment } = await paidWithdrawnOrder()
      expect((await withdraw(order)).data.status).toBe("withdrawn")
      expect(await level()).toMatchObject({ stocked: start.stocked, reserved: start.reserved + 3 })

      // Medusa's order edit: 3 → 1 sign (the shopper withdrew two in a reply to the acknowledgement), then the refund.
      const { data: edit } = await api.post("/admin/order-edits", { order_id: order.id, description: "Herroeping" }, admin)
      const editId = edit.order_change.id
      await api.post(`/admin/order-edits/${order.id}/items/item/${item.id}`, { quantity: 1 }, admin)
      await api.post(`/admin/order-edits/${order.id}/request`, {}, admin)
      await api.post(`/admin/order-edits/${order.id}/confirm`, {}, admin)
      expect(editId).toBeTruthy()

      expect(await level()).toMatchObject({ stocked: start.stocked, reserved: start.reserved + 1 })
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 2 * 19.95 }, admin)
      expect(await refunded(payment.id)).toBeCloseTo(39.9, 2)
      expect(await level()).toMatchObject({ stocked: start.stocked, reserved: start.reserved + 1 })
    })
  },
})
