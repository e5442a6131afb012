/**
 * Low stock: one staff e-mail per crossing of an item's threshold (not one per order),
 * a second only after a restock above it; the admin's list of low items, most urgent
 * first; and the per-item threshold staff set in the admin.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { TestEventUtils } from "@medusajs/test-utils"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { InventoryEvents, Modules } from "@medusajs/framework/utils"
import { useSeededShop } from "../utils/seeded-shop"
import { cartReadyForPayment, completeCart, readMails, startPayment, storeHeaders, variantIdBySku, waitFor, type StoreHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-low-stock-"))
const STAFF = "voorraad@buurtpreventie.test"
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = STAFF
process.env.MEDUSA_BACKEND_URL = "https://beheer.buurtpreventie.test"
delete process.env.LOW_STOCK_THRESHOLD
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-4060-ALU" // 120 in stock, default threshold 10

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const { store: headers, admin } = useSeededShop({ api, getContainer, mailDir: MAIL_DIR })

    const inventory = () => getContainer().resolve(Modules.INVENTORY)
    const itemOf = async (sku: string) => (await inventory().listInventoryItems({ sku }))[0]
    const alerts = async () =>
      (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: STAFF, template: "low-stock-alert" }, { order: { created_at: "ASC" } }))

    /** Runs `action` and waits until the low-stock subscriber handled the `count` level updates it causes. */
    async function settled<T>(count: number, action: () => Promise<T>): Promise<T> {
      const done = TestEventUtils.waitSubscribersExecution(InventoryEvents.INVENTORY_LEVEL_UPDATED, getContainer().resolve(Modules.EVENT_BUS), {
        triggerCount: count,
        timeout: 30_000,
      })
      const result = await action()
      await done
      return result
    }

    async function buy(sku: string, quantity: number, email = "koper@example.nl") {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku, quantity }], email })
      await startPayment(api, headers, cart.id, "pp_system_default")
      // One reservation: one level update of the item.
      const { status, body } = await settled(1, () => completeCart(api, headers, cart.id))
      expect([status, body.type]).toEqual([200, "order"])
      return body.order
    }

    async function setStock(sku: string, stocked: number) {
      const item = await itemOf(sku)
      const [level] = await inventory().listInventoryLevels({ inventory_item_id: item.id })
      await settled(1, () =>
        api.post(`/admin/inventory-items/${item.id}/location-levels/${level.location_id}`, { stocked_quantity: stocked }, admin)
      )
    }

    it("sends one e-mail when a variant crosses its threshold, none for later orders below it, a second after a restock", async () => {
      const item = await itemOf(SIGN)
      await setStock(SIGN, 12) // 12 > 10: nothing yet
      expect(await alerts()).toHaveLength(0)

      await buy(SIGN, 2) // 10 available: at the threshold, the crossing
      expect(await alerts()).toHaveLength(1)
      const firstMark = (await itemOf(SIGN)).metadata?.low_stock_alerted_at
      expect(firstMark).toEqual(expect.any(String))

      await buy(SIGN, 1) // 9
      await buy(SIGN, 3) // 6
      expect(await alerts()).toHaveLength(1)

      const [mail] = readMails(MAIL_DIR).filter((m) => m.headers.to === STAFF)
      expect(mail.headers.subject).toBe(`Lage voorraad: Straatbord WhatsApp-buurtpreventie (40 x 60 cm / Aluminium 1,5 mm) (${SIGN})`)
      expect(mail.text).toContain(`SKU ${SIGN}: nog 10 beschikbaar (drempel 10; op voorraad 12, gereserveerd 2)`)
      expect(mail.text).toContain("Ook in: Buurtpakket (4 per pakket)")
      expect(mail.text).toContain(`Bekijken: https://beheer.buurtpreventie.test/app/inventory/${item.id}`)

      await setStock(SIGN, 30) // 30 − 6 reserved = 24: above again, the crossing is forgotten
      expect((await itemOf(SIGN)).metadata?.low_stock_alerted_at).toBeUndefined()
      expect(await alerts()).toHaveLength(1)

      await buy(SIGN, 15) // 9: a new crossing
      const sent = await alerts()
      expect(sent).toHaveLength(2)
      expect(sent.every((n) => n.status === "success" && n.channel === "email")).toBe(true)
      expect((await itemOf(SIGN)).metadata?.low_stock_alerted_at).not.toBe(firstMark)
      const mails = readMails(MAIL_DIR).filter((m) => m.headers.to === STAFF)
      expect(mails).toHaveLength(2)
      expect(mails[1].text).toContain("nog 9 beschikbaar (drempel 10; op voorraad 30, gereserveerd 21)")
    })

    it("a cancel that puts the stock back above the threshold ends the crossing; the next one alerts again", async () => {
      await setStock(SIGN, 12)
      const order = await buy(SIGN, 4) // 8: crossing
      expect(await alerts()).toHaveLength(1)
      // Cancel releases the reservation: one level update, 12 available again.
      await settled(1, () => api.post(`/admin/orders/${order.id}/cancel`, {}, admin))
      expect((await itemOf(SIGN)).metadata?.low_stock_alerted_at).toBeUndefined()
      await buy(SIGN, 3) // 9: a new crossing
      expect(await alerts()).toHaveLength(2)
    })

    it("GET /admin/low-stock lists items at or below their threshold, most urgent first, with their variants", async () => {
      const service = inventory()
      const set = async (sku: string, stocked: number, threshold?: number) => {
        const item = await itemOf(sku)
        const [level] = await service.listInventoryLevels({ inventory_item_id: item.id })
        if (threshold !== undefined) await api.post(`/admin/low-stock/items/${item.id}`, { threshold }, admin)
        await service.updateInventoryLevels([{ inventory_item_id: item.id, location_id: level.location_id, stocked_quantity: stocked }])
      }
      await set("KLEM-076", 0) // 0/10
      await set("STK-AUTO-0820", 0, 0) // own threshold 0: listed only because sold out
      await set("KLEM-048", 3) // 3/10
      await set("BEUGEL-MUUR", 5) // 5/10
      await set("BORD-REF-4060", 20, 40) // 20/40: as urgent as 5/10, but more left
      await set("STK-BB-0510", 11) // above the default: not listed
      // Seeded: BORD-WAB-4060-DIB has 8 (8/10).

      expect((await api.get("/admin/low-stock").catch((e: any) => e.response)).status).toBe(401)

      const { data } = await api.get("/admin/low-stock", admin)
      expect(data.default_threshold).toBe(10)
      expect(data.count).toBe(6)
      expect(data.items.map((i: any) => [i.sku, i.available_quantity, i.threshold, i.threshold_source])).toEqual([
        ["KLEM-076", 0, 10, "default"],
        ["STK-AUTO-0820", 0, 0, "item"],
        ["KLEM-048", 3, 10, "default"],
        ["BEUGEL-MUUR", 5, 10, "default"],
        ["BORD-REF-4060", 20, 40, "item"],
        ["BORD-WAB-4060-DIB", 8, 10, "default"],
      ])
      const klem = data.items[2]
      expect(klem).toMatchObject({ name: "Bevestigingsklem voor paal (set van 2) (48 mm)", stocked_quantity: 3, reserved_quantity: 0, is_low: true, location_count: 1 })
      expect(klem.variants).toEqual([
        expect.objectContaining({ sku: "KLEM-048", is_kit: false, required_quantity: 1, product_title: "Bevestigingsklem voor paal (set van 2)" }),
        expect.objectContaining({ sku: "PAKKET-STARTER", is_kit: true, required_quantity: 2, product_title: "Starterspakket straat" }),
      ])
      expect(klem.metadata).toBeUndefined()

      const { data: page } = await api.get("/admin/low-stock?limit=2&offset=1", admin)
      expect(page).toMatchObject({ count: 6, limit: 2, offset: 1 })
      expect(page.items.map((i: any) => i.sku)).toEqual(["STK-AUTO-0820", "KLEM-048"])
      expect((await api.get("/admin/low-stock?limit=0", admin).catch((e: any) => e.response)).status).toBe(400)
    })

    it("staff set a variant's own threshold (or go back to the default); raising it above the stock alerts once", async () => {
      const { data: kit } = await api.get(`/admin/low-stock/items?variant_id=${await variantIdBySku(getContainer(), "PAKKET-STARTER")}`, admin)
      expect(kit.items.map((i: any) => i.sku).sort()).toEqual(["BORD-WAB-3045-ALU", "KLEM-048", "STK-RAAM-1015-BIN"])

      const item = await itemOf("BORD-REF-3045") // 75 in stock
      for (const bad of [-1, 2.5, "5", undefined]) {
        const res = await api.post(`/admin/low-stock/items/${item.id}`, { threshold: bad }, admin).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.type).toBe("invalid_data")
      }
      expect((await api.post(`/admin/low-stock/items/iitem_missing`, { threshold: 3 }, admin).catch((e: any) => e.response)).status).toBe(404)

      const waitItemUpdate = () =>
        TestEventUtils.waitSubscribersExecution("inventory-item.updated", getContainer().resolve(Modules.EVENT_BUS), { timeout: 30_000 })
      let handled = waitItemUpdate()
      const { data } = await api.post(`/admin/low-stock/items/${item.id}`, { threshold: 80 }, admin)
      await handled
      expect(data.item).toMatchObject({ inventory_item_id: item.id, threshold: 80, threshold_source: "item", available_quantity: 75, is_low: true })
      expect((await itemOf("BORD-REF-3045")).metadata).toMatchObject({ low_stock_threshold: 80, low_stock_alerted_at: expect.any(String) })
      await waitFor(async () => (await alerts()).length === 1, { what: "the alert" })
      expect(readMails(MAIL_DIR).filter((m) => m.headers.to === STAFF).map((m) => m.headers.subject)).toEqual([
        "Lage voorraad: Straatbord WhatsApp-buurtpreventie reflecterend (30 x 45 cm) (BORD-REF-3045)",
      ])

      handled = waitItemUpdate()
      const { data: reset } = await api.post(`/admin/low-stock/items/${item.id}`, { threshold: null }, admin)
      await handled
      expect(reset.item).toMatchObject({ threshold: 10, threshold_source: "default", is_low: false })
      const metadata = (await itemOf("BORD-REF-3045")).metadata ?? {}
      expect(metadata.low_stock_threshold).toBeUndefined()
      expect(metadata.low_stock_alerted_at).toBeUndefined()
      expect(await alerts()).toHaveLength(1)
    })
  },
})
