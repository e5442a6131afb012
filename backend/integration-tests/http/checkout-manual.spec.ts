/**
 * Checkout without Stripe ("Betalen op rekening", Medusa's manual provider
 * pp_system_default), the confirmation e-mail, and two shoppers racing for the last
 * units of a sign.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { formatMoney } from "../../src/lib/money"
import {
  cartReadyForPayment,
  completeCart,
  confirmationMails,
  ordersForCart,
  readMails,
  regionId,
  startPayment,
  storeHeaders,
  variantIdBySku,
  type StoreHeaders,
} from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

// medusa-config is read in the runner's beforeAll, after this module ran: plain
// assignments here are in time. Stripe stays unconfigured in this suite.
const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-manual-"))
process.env.MAIL_DIR = MAIL_DIR
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const STICKER = "STK-RAAM-1015-BIN" // € 2,95, Brievenbuspost
const SIGN = "BORD-WAB-3045-ALU" // € 19,95, Pakketpost

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: StoreHeaders

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      headers = await storeHeaders(getContainer())
    })

    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    it("offers Betalen op rekening and Op factuur in both regions without Stripe", async () => {
      for (const name of ["Nederland", "België"] as const) {
        const { data } = await api.get(`/store/payment-providers?region_id=${await regionId(api, headers, name)}`, headers)
        expect(data.payment_providers.map((p: any) => p.id).sort()).toEqual(["pp_invoice_invoice", "pp_system_default"])
      }
    })

    it("places an order with the manual provider: totals incl. btw, stock reserved, confirmation e-mail in MAIL_DIR", async () => {
      const container = getContainer()
      const cart = await cartReadyForPayment(api, headers, container, {
        lines: [
          { sku: STICKER, quantity: 2 },
          { sku: SIGN, quantity: 1 },
        ],
      })
      // One method per shipping profile: letterbox post for the stickers, parcel for the sign.
      expect(cart.shipping_methods.map((m: any) => m.name).sort()).toEqual(["Brievenbuspost Nederland", "Pakket Nederland"])
      // 2 × 2,95 + 19,95 + 2,50 + 6,95, prices include 21% btw.
      expect(cart.total).toBeCloseTo(35.3, 2)

      const { session } = await startPayment(api, headers, cart.id, "pp_system_default")
      expect(session.status).toBe("pending")
      const stockBefore = await availableQuantity(container, SIGN)

      const { status, body } = await completeCart(api, headers, cart.id)
      expect(status).toBe(200)
      expect(body.type).toBe("order")
      const order = body.order
      expect(order.email).toBe("anouk@example.nl")
      expect(order.total).toBeCloseTo(35.3, 2)
      expect(order.tax_total).toBeCloseTo(35.3 - 35.3 / 1.21, 2)
      expect(order.items).toHaveLength(2)
      expect(await ordersForCart(container, cart.id)).toEqual([order.id])

      // The payment is authorised at once (staff capture it when the invoice is paid).
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: [withPayment] }: { data: any[] } = await query.graph({
        entity: "order",
        fields: ["payment_collections.status", "payment_collections.payments.amount", "payment_collections.payments.provider_id"],
        filters: { id: order.id },
      })
      expect(withPayment.payment_collections[0].status).toBe("authorized")
      expect(withPayment.payment_collections[0].payments.map((p: any) => [p.provider_id, Number(p.amount)])).toEqual([["pp_system_default", 35.3]])

      // Stock: reservations for the order's items, and one sign fewer available.
      const reservations = await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      expect(reservations.map((r) => Number(r.quantity)).sort()).toEqual([1, 2])
      expect(await availableQuantity(container, SIGN)).toBe(stockBefore - 1)

      // The confirmation mail (order.placed → our subscriber → Notification Module → .eml).
      const mails = await confirmationMails(container, MAIL_DIR, order.id)
      expect(mails).toHaveLength(1)
      expect(readMails(MAIL_DIR)).toHaveLength(1)
      const [mail] = mails
      expect(mail.headers.subject).toBe(`Bedankt voor je bestelling #${order.display_id}`)
      expect(mail.headers.to).toBe("anouk@example.nl")
      expect(mail.headers.from).toBe("Buurtpreventie Shop <bestellingen@buurtpreventie.local>")
      expect(new Date(mail.headers.date).getTime()).toBeGreaterThan(Date.now() - 60_000)
      // text and HTML, plus the invoice PDF of an order "op rekening" (payment-on-account.spec reads it)
      expect(mail.headers["content-type"]).toMatch(/^multipart\/mixed/)
      expect(mail.raw).toMatch(/Content-Type: application\/pdf/)
      expect(mail.text).toContain(`2 × Raamsticker WhatsApp-buurtpreventie (10 x 15 cm / Binnenkant raam): ${formatMoney(5.9)}`)
      expect(mail.text).toContain(`1 × Straatbord WhatsApp-buurtpreventie (30 x 45 cm / Aluminium 1,5 mm): ${formatMoney(19.95)}`)
      expect(mail.text).toContain(`Totaal: ${formatMoney(35.3)}`)
      expect(mail.text).toContain(`Inclusief btw: ${formatMoney(6.13)}`)
      expect(mail.text).toMatch(/^Verzending \((Brievenbuspost Nederland \+ Pakket Nederland|Pakket Nederland \+ Brievenbuspost Nederland)\): €\u00a09,45$/m)
      expect(mail.text).toContain("Lindelaan 12\n3581 AB Utrecht\nNederland")
      expect(formatMoney(12.95)).toBe("€\u00a012,95") // Intl's no-break space keeps € and amount together
      expect(mail.html).toContain(`<h1 style="font-size:20px">Bedankt voor je bestelling #${order.display_id}</h1>`)
      expect(mail.html).toContain("Lindelaan 12<br>3581 AB Utrecht<br>Nederland")

      // Medusa recorded the notification.
      const notifications = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: order.id })
      expect(notifications.map((n) => [n.channel, n.template, n.to, n.status])).toEqual([["email", "order-placed", "anouk@example.nl", "success"]])
    })

    it("two shoppers race for the last 3 signs: exactly one order, a clear out-of-stock error, never oversold", async () => {
      const container = getContainer()
      const inventory = container.resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: SIGN })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      await inventory.updateInventoryLevels([{ inventory_item_id: item.id, location_id: level.location_id, stocked_quantity: 3 }])

      const carts: any[] = []
      for (const email of ["a@example.nl", "b@example.nl"]) {
        const cart = await cartReadyForPayment(api, headers, container, { lines: [{ sku: SIGN, quantity: 2 }], email })
        await startPayment(api, headers, cart.id, "pp_system_default")
        carts.push(cart)
      }

      const results = await Promise.all(carts.map((cart) => completeCart(api, headers, cart.id)))

      const won = results.filter((r) => r.status === 200 && r.body.type === "order")
      const lost = results.filter((r) => !(r.status === 200 && r.body.type === "order"))
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect(lost[0].status).toBe(400)
      expect(lost[0].body).toEqual({
        type: "not_allowed",
        code: "insufficient_inventory",
        message: expect.stringMatching(/^Er zijn er nog maar 1 op voorraad van Straatbord .*\. Pas het aantal in je winkelmand aan\.$/),
      })

      const orderCounts = await Promise.all(carts.map((cart) => ordersForCart(container, cart.id)))
      expect(orderCounts.flat()).toHaveLength(1)
      const loser = carts[results.indexOf(lost[0])]
      const { data: open } = await api.get(`/store/carts/${loser.id}`, headers)
      expect(open.cart.completed_at).toBeNull()

      const [after] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      expect(Number(after.stocked_quantity)).toBe(3)
      expect(Number(after.reserved_quantity)).toBe(2)
      const reservations = await inventory.listReservationItems({ inventory_item_id: item.id })
      expect(reservations.reduce((sum, r) => sum + Number(r.quantity), 0)).toBe(2)
      expect(await availableQuantity(container, SIGN)).toBe(1)
      expect(await confirmationMails(container, MAIL_DIR, won[0].body.order.id)).toHaveLength(1)
      // The shopper's mail only: staff also get one "Lage voorraad" e-mail (3 left ≤ LOW_STOCK_THRESHOLD 10).
      expect(readMails(MAIL_DIR).filter((m) => !m.headers.subject?.startsWith("Lage voorraad"))).toHaveLength(1)
    })
  },
})

/** What the store shows as in stock for a variant (stocked − reserved). */
async function availableQuantity(container: any, sku: string): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["inventory_items.inventory.location_levels.available_quantity"],
    filters: { id: await variantIdBySku(container, sku) },
  })
  return Number(data[0].inventory_items[0].inventory.location_levels[0].available_quantity)
}
