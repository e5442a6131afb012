/**
 * Every refusal on a store cart route carries a stable `code` and a Dutch message, so the
 * storefront branches on status and code only (never on message text):
 * - the cart does not exist: 404 cart_not_found;
 * - the cart is completed: 400 cart_completed (Medusa's own routes and ours alike);
 * - not enough stock: 400 insufficient_inventory ("… is uitverkocht." at 0);
 * - anything else on an open cart keeps its own answer (no cart code).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { createGroupsWorkflow } from "../../src/workflows/groups/create-groups"
import { useSeededShop } from "../utils/seeded-shop"
import { answerOf, cartReadyForPayment, completeCart, regionId, startPayment, variantIdBySku } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-cart-errors-"))
process.env.MAIL_DIR = MAIL_DIR
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-3045-ALU"
const STICKER = "STK-RAAM-1015-BIN"
const UNKNOWN_CART = "cart_01BESTAATNIET0000000000000"

const CART_NOT_FOUND = { type: "not_found", code: "cart_not_found", message: "Deze winkelmand bestaat niet (meer)." }
const CART_COMPLETED = { type: "not_allowed", code: "cart_completed", message: "Deze winkelmand is al afgerekend." }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const { store } = useSeededShop({ api, getContainer, mailDir: MAIL_DIR })

    const post = (url: string, body: unknown = {}) => answerOf(api.post(url, body, store))
    const get = (url: string) => answerOf(api.get(url, store))
    const del = (url: string) => answerOf(api.delete(url, store))

    async function openCart(): Promise<string> {
      const { data } = await api.post("/store/carts", { region_id: await regionId(api, store, "Nederland") }, store)
      return data.cart.id
    }

    it("a cart that does not exist: 404 cart_not_found in Dutch, on Medusa's routes and the shop's own", async () => {
      const variant_id = await variantIdBySku(getContainer(), SIGN)
      const refusals = [
        await post(`/store/carts/${UNKNOWN_CART}/line-items`, { variant_id, quantity: 1 }),
        await get(`/store/carts/${UNKNOWN_CART}`),
        await post(`/store/carts/${UNKNOWN_CART}`, { email: "anouk@example.nl" }),
        await post(`/store/carts/${UNKNOWN_CART}/line-items/item_01BESTAATNIET`, { quantity: 2 }),
        await post(`/store/carts/${UNKNOWN_CART}/shipping-methods`, { option_id: "so_01BESTAATNIET" }),
        await post(`/store/carts/${UNKNOWN_CART}/complete`),
        await get(`/store/carts/${UNKNOWN_CART}/shipping-groups`),
        await post(`/store/carts/${UNKNOWN_CART}/group`, { slug: "buurtpreventie-lindelaan" }),
        await del(`/store/carts/${UNKNOWN_CART}/group`),
      ]
      for (const refusal of refusals) expect(refusal).toEqual({ status: 404, body: CART_NOT_FOUND })
    })

    it("a completed cart: 400 cart_completed in Dutch for adding, changing, shipping and the group", async () => {
      const container = getContainer()
      const { result } = await createGroupsWorkflow(container).run({
        input: {
          groups: [
            {
              name: "Buurtpreventie Lindelaan",
              slug: "buurtpreventie-lindelaan",
              status: "approved",
              woonplaats: "Utrecht",
              gemeente: "Utrecht",
              postcodes: ["3581"],
              lat: 52.09,
              lng: 5.13,
              member_count: 30,
              admin_name: "Bea Beheerder",
              admin_email: "bea@example.nl",
              admin_phone: "+31612345678",
              accepted_rules: true,
            },
          ],
          check_duplicates: false,
        },
      })
      const slug = (result as any[])[0].slug

      const cart = await cartReadyForPayment(api, store, container, { lines: [{ sku: SIGN, quantity: 1 }] })
      await startPayment(api, store, cart.id, "pp_system_default")
      const completed = await completeCart(api, store, cart.id)
      expect(completed.body.type).toBe("order")

      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, store)
      const refusals = {
        add: await post(`/store/carts/${cart.id}/line-items`, { variant_id: await variantIdBySku(container, STICKER), quantity: 1 }),
        update: await post(`/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { quantity: 2 }),
        shipping: await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: options.shipping_options[0].id }),
        group: await post(`/store/carts/${cart.id}/group`, { slug }),
        ungroup: await del(`/store/carts/${cart.id}/group`),
      }
      for (const [what, refusal] of Object.entries(refusals)) {
        expect({ what, ...refusal }).toEqual({ what, status: 400, body: CART_COMPLETED })
      }

      // Medusa answers a repeated completion with the order: an answer, not a refusal, so it stays.
      const again = await completeCart(api, store, cart.id)
      expect(again.status).toBe(200)
      expect(again.body.type).toBe("order")
    })

    it("an open cart keeps the other refusals: an unknown variant is not a missing cart", async () => {
      const cartId = await openCart()
      const unknownVariant = await post(`/store/carts/${cartId}/line-items`, { variant_id: "variant_01BESTAATNIET", quantity: 1 })
      expect(unknownVariant.status).toBeGreaterThanOrEqual(400)
      expect(unknownVariant.status).toBeLessThan(500)
      expect(unknownVariant.body.code).not.toBe("cart_not_found")
      expect(unknownVariant.body.code).not.toBe("cart_completed")

      const unknownGroup = await post(`/store/carts/${cartId}/group`, { slug: "bestaat-niet" })
      expect(unknownGroup.status).toBe(404)
      expect(unknownGroup.body.code).toBeUndefined()
      expect(unknownGroup.body.message).toMatch(/^Deze buurtgroep bestaat niet/)
    })

    it("a sold-out variant: 400 insufficient_inventory, 'Deze uitvoering is uitverkocht.'; a normal add still 200", async () => {
      const container = getContainer()
      const inventory = container.resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: SIGN })
      const levels = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      await inventory.updateInventoryLevels(levels.map((l) => ({ inventory_item_id: item.id, location_id: l.location_id, stocked_quantity: 0 })))

      const cartId = await openCart()
      const soldOut = await post(`/store/carts/${cartId}/line-items`, { variant_id: await variantIdBySku(container, SIGN), quantity: 1 })
      expect(soldOut).toEqual({
        status: 400,
        body: { type: "not_allowed", code: "insufficient_inventory", message: "Deze uitvoering is uitverkocht." },
      })

      const added = await post(`/store/carts/${cartId}/line-items`, { variant_id: await variantIdBySku(container, STICKER), quantity: 2 })
      expect(added.status).toBe(200)
      expect(added.body.cart.items.map((i: any) => [i.variant_sku, i.quantity])).toEqual([[STICKER, 2]])
    })
  },
})
