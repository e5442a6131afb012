/**
 * The seed creates what is missing and leaves what exists: what staff change in
 * the admin (a tier price, a deleted tier, a product's texts, stock) survives the
 * next seed run, which `npm start` does whenever the seed's version changes.
 */
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { adminHeaders } from "../utils/admin"

jest.setTimeout(600 * 1000) // migrations on a busy 2-core machine take minutes

const SIGN = "BORD-WAB-3045-ALU" // catalogue: € 19,95; 5–9: € 18,55; from 10: € 17,55
const STICKER = "STK-RAAM-1015-BIN" // catalogue: € 2,95; 10–24: € 2,75; from 25: € 2,60

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const seed = () => seedShop(getContainer(), { storefrontUrl: "http://shop.test" })

    const pricesOf = async (sku: string) => {
      const { rows } = await dbConnection.raw(
        `select p.amount::float as amount, p.min_quantity, p.max_quantity
           from price p
           join product_variant_price_set l on l.price_set_id = p.price_set_id and l.deleted_at is null
           join product_variant v on v.id = l.variant_id
          where v.sku = ? and p.deleted_at is null and p.price_list_id is null and p.rules_count = 0
          order by p.min_quantity nulls first`,
        [sku]
      )
      return rows.map((r: any) => ({ amount: r.amount, min: r.min_quantity == null ? null : Number(r.min_quantity), max: r.max_quantity == null ? null : Number(r.max_quantity) }))
    }

    const variantBySku = async (admin: any, sku: string) => {
      const { data } = await api.get(`/admin/product-variants?sku=${sku}&fields=id,product_id,*prices`, admin)
      return data.variants[0]
    }

    /** Sends a variant's prices back through the admin API, with `change` applied (as the admin's price editor does). */
    const editPrices = async (admin: any, sku: string, change: (prices: any[]) => any[]) => {
      const variant = await variantBySku(admin, sku)
      const prices = change(
        variant.prices
          .filter((p: any) => !p.price_list_id && !p.rules_count && !Object.keys(p.rules ?? {}).length)
          .map((p: any) => ({ id: p.id, amount: Number(p.amount), currency_code: p.currency_code, min_quantity: p.min_quantity, max_quantity: p.max_quantity }))
      )
      await api.post(`/admin/products/${variant.product_id}/variants/${variant.id}`, { prices }, admin)
    }

    it("keeps staff's tier prices, deleted tiers, product texts and stock when the seed runs again", async () => {
      await seed()
      const admin = await adminHeaders(api, getContainer())
      expect(await pricesOf(SIGN)).toEqual([
        { amount: 19.95, min: null, max: null },
        { amount: 18.55, min: 5, max: 9 },
        { amount: 17.55, min: 10, max: null },
      ])

      // tier price 5–9 of the sign: € 18,55 → € 16,00; the sticker's 25+ tier deleted
      await editPrices(admin, SIGN, (prices) => prices.map((p) => (Number(p.min_quantity) === 5 ? { ...p, amount: 16 } : p)))
      await editPrices(admin, STICKER, (prices) => prices.filter((p) => Number(p.min_quantity) !== 25))

      // the product's title and description
      const sign = await variantBySku(admin, SIGN)
      await api.post(`/admin/products/${sign.product_id}`, { title: "Bord van de buurt (aangepast)", description: "Eigen tekst van de winkel." }, admin)

      // the stock of the sticker at the warehouse
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: STICKER })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      await api.post(`/admin/inventory-items/${item.id}/location-levels/${level.location_id}`, { stocked_quantity: 7 }, admin)

      const before = Number((await dbConnection.raw("select count(*) as c from price where deleted_at is null")).rows[0].c)
      await seed()
      await seed()

      expect(await pricesOf(SIGN)).toEqual([
        { amount: 19.95, min: null, max: null },
        { amount: 16, min: 5, max: 9 },
        { amount: 17.55, min: 10, max: null },
      ])
      expect(await pricesOf(STICKER)).toEqual([
        { amount: 2.95, min: null, max: null },
        { amount: 2.75, min: 10, max: 24 },
      ])
      expect(Number((await dbConnection.raw("select count(*) as c from price where deleted_at is null")).rows[0].c)).toBe(before)

      const { data } = await api.get(`/admin/products/${sign.product_id}?fields=title,description`, admin)
      expect(data.product).toMatchObject({ title: "Bord van de buurt (aangepast)", description: "Eigen tekst van de winkel." })
      const [after] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      expect(Number(after.stocked_quantity)).toBe(7)
    })

    it("leaves a product staff deleted deleted (and does not fail on its remaining inventory item)", async () => {
      await seed()
      const admin = await adminHeaders(api, getContainer(), "tweede@buurtpreventie.test")
      const sign = await variantBySku(admin, SIGN)
      await api.delete(`/admin/products/${sign.product_id}`, admin)
      expect(await pricesOf(SIGN)).toEqual([])

      await seed()
      expect(await pricesOf(SIGN)).toEqual([])
      const { data } = await api.get(`/admin/products?handle=straatbord-whatsapp-buurtpreventie`, admin)
      expect(data.products).toEqual([])
    })
  },
})
