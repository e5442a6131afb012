/**
 * Twenty shoppers complete their carts at the same moment for the last five signs:
 * exactly five orders, fifteen clear out-of-stock answers, never oversold, and staff
 * get a single low-stock e-mail however many orders hit the item at once.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { TestEventUtils } from "@medusajs/test-utils"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { InventoryEvents, Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { cartReadyForPayment, completeCart, confirmationMails, ordersForCart, startPayment, storeHeaders, waitFor } from "../utils/checkout"

// Preparing 20 carts through the store API takes minutes on a 2-core machine shared with other work.
jest.setTimeout(1800 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-race-"))
const STAFF = "team@buurtpreventie.test"
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = STAFF
delete process.env.LOW_STOCK_THRESHOLD // default 10
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-4060-DIB" // € 36,95, seeded with 8
const SHOPPERS = 20
const LEFT = 5

/** Runs `fn` over `items`, at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await fn(items[index], index)
      }
    })
  )
  return results
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    it(`${SHOPPERS} concurrent cart completions for ${LEFT} remaining units: exactly ${LEFT} orders, available stock 0, one staff alert`, async () => {
      const container = getContainer()
      await seedShop(container, { storefrontUrl: "http://shop.test" })
      const headers = await storeHeaders(container)
      const inventory = container.resolve(Modules.INVENTORY)
      const notifications = container.resolve(Modules.NOTIFICATION)
      const [item] = await inventory.listInventoryItems({ sku: SIGN })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      const staffAlerts = async () => (await notifications.listNotifications({ to: STAFF, template: "low-stock-alert" })).length

      await inventory.updateInventoryLevels([{ inventory_item_id: item.id, location_id: level.location_id, stocked_quantity: LEFT }])
      await waitFor(async () => (await staffAlerts()) === 1, { what: "the low-stock alert for the last 5" })

      const carts = await pool(Array.from({ length: SHOPPERS }, (_, i) => i), 5, async (i) => {
        const cart = await cartReadyForPayment(api, headers, container, { lines: [{ sku: SIGN, quantity: 1 }], email: `buur${i}@example.nl` })
        await startPayment(api, headers, cart.id, "pp_system_default")
        return cart
      })

      console.log(`${SHOPPERS} carts ready for payment`)

      // Every successful order reserves one unit: one level update each, handled by the low-stock subscriber.
      const handled = TestEventUtils.waitSubscribersExecution(InventoryEvents.INVENTORY_LEVEL_UPDATED, container.resolve(Modules.EVENT_BUS), {
        triggerCount: LEFT,
        timeout: 60_000,
      })
      const started = Date.now()
      const results = await Promise.all(carts.map((cart) => completeCart(api, headers, cart.id)))
      const elapsed = Date.now() - started

      const won = results.filter((r) => r.status === 200 && r.body.type === "order")
      const lost = results.filter((r) => !(r.status === 200 && r.body.type === "order"))
      expect(won).toHaveLength(LEFT)
      expect(lost).toHaveLength(SHOPPERS - LEFT)
      for (const r of lost) {
        expect(r.status).toBe(400)
        expect(r.body).toEqual({
          type: "not_allowed",
          code: "insufficient_inventory",
          message: expect.stringMatching(/^Straatbord .* is uitverkocht\. Pas het aantal in je winkelmand aan\.$/),
        })
      }

      const orders = (await Promise.all(carts.map((cart) => ordersForCart(container, cart.id)))).flat()
      expect(orders.sort()).toEqual(won.map((r) => r.body.order.id).sort())
      for (const [i, cart] of carts.entries()) {
        const { data } = await api.get(`/store/carts/${cart.id}`, headers)
        expect(Boolean(data.cart.completed_at)).toBe(won.some((r) => r === results[i]))
      }

      const [after] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      expect([Number(after.stocked_quantity), Number(after.reserved_quantity)]).toEqual([LEFT, LEFT])
      const reservations = await inventory.listReservationItems({ inventory_item_id: item.id })
      expect(reservations.reduce((sum, r) => sum + Number(r.quantity), 0)).toBe(LEFT)

      // The store shows it sold out.
      const { data } = await api.get(`/store/products?handle=straatbord-whatsapp-buurtpreventie&fields=*variants,+variants.inventory_quantity`, headers)
      const variant = data.products[0].variants.find((v: any) => v.sku === SIGN)
      expect(variant.inventory_quantity).toBe(0)

      await handled
      expect(await staffAlerts()).toBe(1)
      for (const r of won) expect(await confirmationMails(container, MAIL_DIR, r.body.order.id)).toHaveLength(1)
      console.log(`${SHOPPERS} completions took ${elapsed} ms`)
    })
  },
})
