import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { seedShop } from "../../src/seed/seed-shop"
import { ensureTierPrices } from "../../src/seed/tier-prices"
import { PRODUCTS } from "../../src/seed/catalogue"
import { regionId, storeHeaders, variantIdBySku, type StoreHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const SIGN = "BORD-WAB-3045-ALU" // € 19,95; 5–9: € 18,55; from 10: € 17,55
const STICKER = "STK-RAAM-1015-BIN" // € 2,95; 10–24: € 2,75; from 25: € 2,60

const fail = (e: any) => {
  if (!e.response) throw e
  return e.response
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: StoreHeaders
    let nl: string

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      headers = await storeHeaders(getContainer())
      nl = await regionId(api, headers, "Nederland")
    })

    const pricesOf = async (sku: string) => {
      const { rows } = await dbConnection.raw(
        `select p.amount::float as amount, p.min_quantity, p.max_quantity, p.currency_code, p.rules_count
           from price p
           join product_variant_price_set l on l.price_set_id = p.price_set_id and l.deleted_at is null
           join product_variant v on v.id = l.variant_id
          where v.sku = ? and p.deleted_at is null and p.price_list_id is null
          order by p.min_quantity nulls first`,
        [sku]
      )
      return rows.map((r: any) => ({ amount: r.amount, min: r.min_quantity == null ? null : Number(r.min_quantity), max: r.max_quantity == null ? null : Number(r.max_quantity) }))
    }

    const newCart = async () => (await api.post("/store/carts", { region_id: nl }, headers)).data.cart.id as string
    const line = async (cartId: string, sku: string) => {
      const { data } = await api.get(`/store/carts/${cartId}?fields=*items,+item_total`, headers)
      return data.cart.items.find((i: any) => i.variant_sku === sku || i.variant?.sku === sku) ?? data.cart.items[0]
    }

    it("seeds the catalogue's tiers as quantity prices beside the base price", async () => {
      expect(await pricesOf(SIGN)).toEqual([
        { amount: 19.95, min: null, max: null },
        { amount: 18.55, min: 5, max: 9 },
        { amount: 17.55, min: 10, max: null },
      ])
      expect(await pricesOf(STICKER)).toEqual([
        { amount: 2.95, min: null, max: null },
        { amount: 2.75, min: 10, max: 24 },
        { amount: 2.6, min: 25, max: null },
      ])
      // Packages have no tiers.
      expect(await pricesOf("PAKKET-STARTER")).toEqual([{ amount: 64.95, min: null, max: null }])
    })

    it("prices a cart line by its quantity: updating to 5, 10 and back to 4", async () => {
      const cartId = await newCart()
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: await variantIdBySku(getContainer(), SIGN), quantity: 1 }, headers)
      let item = await line(cartId, SIGN)
      expect(item.unit_price).toBe(19.95)

      const update = async (quantity: number) => {
        await api.post(`/store/carts/${cartId}/line-items/${item.id}`, { quantity }, headers)
        item = await line(cartId, SIGN)
        return item
      }
      expect(await update(5)).toMatchObject({ quantity: 5, unit_price: 18.55 })
      expect(await update(9)).toMatchObject({ quantity: 9, unit_price: 18.55 })
      expect(await update(10)).toMatchObject({ quantity: 10, unit_price: 17.55 })
      expect(await update(4)).toMatchObject({ quantity: 4, unit_price: 19.95 })

      // The cart's total follows: 4 × € 19,95 incl. btw.
      const { data } = await api.get(`/store/carts/${cartId}?fields=+item_total`, headers)
      expect(data.cart.item_total).toBeCloseTo(79.8, 2)
    })

    it("prices by the merged quantity when the same variant is added again", async () => {
      const cartId = await newCart()
      const variantId = await variantIdBySku(getContainer(), SIGN)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 4 }, headers)
      expect(await line(cartId, SIGN)).toMatchObject({ quantity: 4, unit_price: 19.95 })
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, headers)
      expect(await line(cartId, SIGN)).toMatchObject({ quantity: 5, unit_price: 18.55 })
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 5 }, headers)
      expect(await line(cartId, SIGN)).toMatchObject({ quantity: 10, unit_price: 17.55 })

      const { data } = await api.get(`/store/carts/${cartId}`, headers)
      expect(data.cart.items).toHaveLength(1)
    })

    it("adds 10 at once at the 10+ price", async () => {
      const cartId = await newCart()
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: await variantIdBySku(getContainer(), SIGN), quantity: 10 }, headers)
      expect(await line(cartId, SIGN)).toMatchObject({ quantity: 10, unit_price: 17.55 })
    })

    it("lists the tiers per variant for the store, incl. btw", async () => {
      const { data: products } = await api.get("/store/products?handle=straatbord-whatsapp-buurtpreventie&fields=id,*variants", headers)
      const product = products.products[0]
      const { data, status } = await api.get(`/store/products/${product.id}/tier-prices?region_id=${nl}`, headers)
      expect(status).toBe(200)
      expect(data.currency_code).toBe("eur")
      expect(data.is_tax_inclusive).toBe(true)
      const sign = data.variants.find((v: any) => v.id === product.variants.find((pv: any) => pv.sku === SIGN).id)
      expect(sign.tiers).toEqual([
        { min_quantity: 1, max_quantity: 4, amount: 19.95 },
        { min_quantity: 5, max_quantity: 9, amount: 18.55 },
        { min_quantity: 10, max_quantity: null, amount: 17.55 },
      ])
      expect(data.variants).toHaveLength(4)
      // Nothing beyond prices: no price ids, rules or price sets.
      expect(Object.keys(sign).sort()).toEqual(["id", "tiers"])

      // A product without tiers has a single open-ended tier.
      const { data: kits } = await api.get("/store/products?handle=starterspakket-straat&fields=id", headers)
      const { data: kit } = await api.get(`/store/products/${kits.products[0].id}/tier-prices?region_id=${nl}`, headers)
      expect(kit.variants[0].tiers).toEqual([{ min_quantity: 1, max_quantity: null, amount: 64.95 }])
    })

    it("refuses a missing or unknown region and an unknown product in Dutch, and requests without key", async () => {
      const { data: products } = await api.get("/store/products?handle=lantaarnpaalbord&fields=id", headers)
      const id = products.products[0].id

      const missing = await api.get(`/store/products/${id}/tier-prices`, headers).catch(fail)
      expect(missing.status).toBe(400)
      expect(missing.data).toEqual({ type: "invalid_data", message: "Kies een regio (region_id)", errors: { region_id: "Kies een regio (region_id)" } })

      const unknown = await api.get(`/store/products/${id}/tier-prices?region_id=reg_bestaatniet`, headers).catch(fail)
      expect(unknown.status).toBe(400)
      expect(unknown.data.errors).toEqual({ region_id: "Deze regio bestaat niet" })

      const extra = await api.get(`/store/products/${id}/tier-prices?region_id=${nl}&foo=1`, headers).catch(fail)
      expect(extra.status).toBe(400)
      expect(extra.data.errors).toEqual({ foo: 'Onbekend veld "foo"' })

      const noProduct = await api.get(`/store/products/prod_bestaatniet/tier-prices?region_id=${nl}`, headers).catch(fail)
      expect(noProduct.status).toBe(404)
      expect(noProduct.data.message).toBe('Product "prod_bestaatniet" niet gevonden')

      const noKey = await api.get(`/store/products/${id}/tier-prices?region_id=${nl}`).catch(fail)
      expect(noKey.status).toBe(400)
    })

    it("hides unpublished products", async () => {
      const product = await getContainer()
        .resolve(Modules.PRODUCT)
        .listProducts({ handle: "lantaarnpaalbord" })
        .then((p) => p[0])
      await getContainer().resolve(Modules.PRODUCT).updateProducts(product.id, { status: "draft" })
      const response = await api.get(`/store/products/${product.id}/tier-prices?region_id=${nl}`, headers).catch(fail)
      expect(response.status).toBe(404)
    })

    it("re-running the seed adds no prices and leaves staff's price changes alone", async () => {
      const count = async () =>
        Number((await dbConnection.raw("select count(*) as c from price where deleted_at is null")).rows[0].c)
      const before = await count()
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
      await ensureTierPrices(getContainer())
      expect(await count()).toBe(before)
      expect(await pricesOf(SIGN)).toHaveLength(3)

      // Staff change a seeded tier and the base price, and add a region-specific price:
      // the seed leaves all of it alone (staff own the prices once they exist).
      const variantId = await variantIdBySku(getContainer(), SIGN)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["prices.id", "prices.amount", "prices.currency_code", "prices.min_quantity", "prices.max_quantity"],
        filters: { id: variantId },
      })
      const prices = (data[0] as any).prices.map((p: any) => ({
        id: p.id,
        currency_code: p.currency_code,
        min_quantity: p.min_quantity,
        max_quantity: p.max_quantity,
        amount: p.min_quantity == null ? 21.95 : p.min_quantity === 5 ? 15 : p.amount,
      }))
      await updateProductVariantsWorkflow(getContainer()).run({
        input: {
          product_variants: [
            { id: variantId, prices: [...prices, { amount: 18.95, currency_code: "eur", rules: { region_id: nl } }] },
          ],
        },
      })
      expect((await pricesOf(SIGN)).find((p: any) => p.min === 5).amount).toBe(15)

      await ensureTierPrices(getContainer())
      const after = await pricesOf(SIGN)
      expect(after).toHaveLength(4)
      expect(after).toEqual(
        expect.arrayContaining([
          { amount: 21.95, min: null, max: null },
          { amount: 18.95, min: null, max: null },
          { amount: 15, min: 5, max: 9 },
          { amount: 17.55, min: 10, max: null },
        ])
      )
      const { rows: rules } = await dbConnection.raw(
        `select pr.attribute, pr.value from price_rule pr join price p on p.id = pr.price_id
          where p.amount = 18.95 and p.deleted_at is null and pr.deleted_at is null`
      )
      expect(rules).toEqual([{ attribute: "region_id", value: nl }])
      // A second run changes nothing.
      const total = await count()
      await ensureTierPrices(getContainer())
      expect(await count()).toBe(total)
    })

    it("every catalogue tier is cheaper than the one before and a multiple of 5 cents", () => {
      for (const variant of PRODUCTS.flatMap((p) => p.variants)) {
        let previous = { minQuantity: 1, price: variant.price }
        for (const tier of variant.tiers ?? []) {
          expect(tier.minQuantity).toBeGreaterThan(previous.minQuantity)
          expect(tier.price).toBeLessThan(previous.price)
          expect(Math.round(tier.price * 100) % 5).toBe(0)
          previous = tier
        }
      }
    })
  },
})
