/**
 * Unpaid orders on account: the job's function driven with a moved clock (now + N
 * days) against real orders on a real database: reminder after 7 days, cancellation
 * with stock released after 14, nothing for paid orders or orders on invoice.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { processUnpaidOrders } from "../../src/workflows/orders/unpaid-orders"
import { adminHeaders } from "../utils/admin"
import { cartReadyForPayment, completeCart, readMails, startPayment, storeHeaders, type StoreHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-unpaid-"))
process.env.MAIL_DIR = MAIL_DIR
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL
delete process.env.UNPAID_ORDER_REMINDER_DAYS
delete process.env.UNPAID_ORDER_CANCEL_DAYS

const SIGN = "BORD-WAB-3045-ALU"
const DAY = 24 * 60 * 60 * 1000
const GEMEENTE = {
  organisation: "Gemeente Utrecht, afdeling Veiligheid",
  kvk_number: "3020 3410",
  vat_number: "nl 0017.34.539.b01",
  reference: "INK-2026-0042",
  invoice_email: "facturen@utrecht.example",
}

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

    async function placeOnAccount(quantity = 4, email = "anouk@example.nl") {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity }], email })
      await startPayment(api, headers, cart.id, "pp_system_default")
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).toBe("order")
      return body.order
    }

    async function placeOnInvoice() {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity: 3 }], email: "wijkmanager@utrecht.example" })
      await api.post(`/store/invoice/carts/${cart.id}`, GEMEENTE, headers)
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).toBe("order")
      return body.order
    }

    async function available(): Promise<number> {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: SIGN })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      return Number(level.stocked_quantity) - Number(level.reserved_quantity)
    }

    const orderOf = async (id: string) =>
      (
        await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "order", fields: ["status", "canceled_at", "metadata", "payment_collections.status"], filters: { id } })
      ).data[0] as any
    const mailsTo = (to: string) => readMails(MAIL_DIR).filter((m) => m.headers.to === to && !m.headers.subject?.startsWith("Bedankt"))
    const inDays = (days: number) => new Date(Date.now() + days * DAY)

    it("reminds once after 7 days and cancels after 14, releasing the reserved stock, with a Dutch mail each time", async () => {
      const before = await available()
      const order = await placeOnAccount(4)
      expect(await available()).toBe(before - 4)

      expect(await processUnpaidOrders(getContainer(), { now: inDays(6.9) })).toEqual({ reminded: [], canceled: [], failed: [] })
      expect(mailsTo("anouk@example.nl")).toHaveLength(0)

      const reminderTime = inDays(7.1)
      expect(await processUnpaidOrders(getContainer(), { now: reminderTime })).toEqual({ reminded: [order.id], canceled: [], failed: [] })
      const [reminder] = mailsTo("anouk@example.nl")
      expect(reminder.headers.subject).toBe(`Herinnering: bestelling #${order.display_id} is nog niet betaald`)
      expect(reminder.text).toContain("NL91 ABNA 0417 1643 00")
      expect(reminder.text).toContain(`met bestelnummer ${order.display_id} als omschrijving`)
      expect(reminder.text).toContain("- 4 × Straatbord WhatsApp-buurtpreventie")
      expect((await orderOf(order.id)).metadata.unpaid_reminder_sent_at).toBe(reminderTime.toISOString())
      expect(await available()).toBe(before - 4) // still reserved for the shopper

      // The next hourly runs remind nobody again.
      expect(await processUnpaidOrders(getContainer(), { now: inDays(8) })).toEqual({ reminded: [], canceled: [], failed: [] })
      expect(mailsTo("anouk@example.nl")).toHaveLength(1)

      expect(await processUnpaidOrders(getContainer(), { now: inDays(14.1) })).toEqual({ reminded: [], canceled: [order.id], failed: [] })
      const after = await orderOf(order.id)
      expect(after.status).toBe("canceled")
      expect(after.payment_collections[0].status).toBe("canceled")
      expect(await available()).toBe(before)
      const reservations = await getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      expect(reservations).toHaveLength(0)
      const cancelled = mailsTo("anouk@example.nl").find((m) => m.headers.subject === `Bestelling #${order.display_id} is geannuleerd`)
      expect(cancelled?.text).toContain("Je hoeft niets meer te betalen.")

      // Cancelled orders are not looked at again.
      expect(await processUnpaidOrders(getContainer(), { now: inDays(30) })).toEqual({ reminded: [], canceled: [], failed: [] })
    })

    it("leaves paid orders and orders on invoice awaiting staff approval alone", async () => {
      const admin = await adminHeaders(api, getContainer())
      const paid = await placeOnAccount(1, "betaald@example.nl")
      const { data } = await api.get(`/admin/orders/${paid.id}?fields=*payment_collections.payments`, admin)
      await api.post(`/admin/payments/${data.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      const onInvoice = await placeOnInvoice()

      expect(await processUnpaidOrders(getContainer(), { now: inDays(30) })).toEqual({ reminded: [], canceled: [], failed: [] })
      expect((await orderOf(paid.id)).status).toBe("pending")
      expect((await orderOf(onInvoice.id)).status).toBe("pending")
      expect(mailsTo("betaald@example.nl")).toHaveLength(0)
    })

    /** Pending orders created `daysAgo` days ago, straight through the Order Module (one insert, no checkout). */
    async function olderPendingOrders(count: number, daysAgo: number): Promise<string[]> {
      const orders = await getContainer()
        .resolve(Modules.ORDER)
        .createOrders(Array.from({ length: count }, (_, i) => ({ email: `verzonden-${i}@example.nl`, currency_code: "eur", status: "pending" })))
      const ids = orders.map((o) => o.id)
      const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await db.raw(`update "order" set created_at = now() - make_interval(days => ?) where id = any(?)`, [daysAgo, ids])
      return ids
    }

    it("finds a due order behind more than 500 older pending orders (shipped orders stay pending for ever)", async () => {
      // Before the fix the job read only the oldest 500 pending orders of any kind and never reached this one.
      await olderPendingOrders(520, 30)
      const order = await placeOnAccount(1, "achteraan@example.nl")
      expect(await processUnpaidOrders(getContainer(), { now: inDays(7.1) })).toEqual({ reminded: [order.id], canceled: [], failed: [] })
      expect(await processUnpaidOrders(getContainer(), { now: inDays(14.1) })).toEqual({ reminded: [], canceled: [order.id], failed: [] })
      expect((await orderOf(order.id)).status).toBe("canceled")
    })

    it("pages through every due order on account, however many", async () => {
      const orders = [await placeOnAccount(1, "een@example.nl"), await placeOnAccount(1, "twee@example.nl"), await placeOnAccount(1, "drie@example.nl")]
      const { reminded } = await processUnpaidOrders(getContainer(), { now: inDays(7.1), pageSize: 2 })
      expect(reminded.sort()).toEqual(orders.map((o) => o.id).sort())
      for (const to of ["een@example.nl", "twee@example.nl", "drie@example.nl"]) expect(mailsTo(to)).toHaveLength(1)
    })

    it("uses the configured deadlines (UNPAID_ORDER_REMINDER_DAYS / UNPAID_ORDER_CANCEL_DAYS)", async () => {
      const order = await placeOnAccount(1)
      process.env.UNPAID_ORDER_REMINDER_DAYS = "2"
      process.env.UNPAID_ORDER_CANCEL_DAYS = "3"
      try {
        expect(await processUnpaidOrders(getContainer(), { now: inDays(2.1) })).toEqual({ reminded: [order.id], canceled: [], failed: [] })
        expect(await processUnpaidOrders(getContainer(), { now: inDays(3.1) })).toEqual({ reminded: [], canceled: [order.id], failed: [] })
      } finally {
        delete process.env.UNPAID_ORDER_REMINDER_DAYS
        delete process.env.UNPAID_ORDER_CANCEL_DAYS
      }
    })
  },
})
