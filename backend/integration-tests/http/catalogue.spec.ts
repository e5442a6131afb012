import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedShop, SHOP } from "../../src/seed/seed-shop"
import { PRODUCTS } from "../../src/seed/catalogue"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const COUNTED = [
  "product",
  "product_variant",
  "product_category",
  "region",
  "tax_region",
  "shipping_option",
  "shipping_profile",
  "stock_location",
  "sales_channel",
  "api_key",
  "inventory_item",
  "inventory_level",
  "price",
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }

    const counts = async () => {
      const result: Record<string, number> = {}
      for (const table of COUNTED) {
        const [{ count }] = await dbConnection.raw(`select count(*)::int as count from ${table} where deleted_at is null`).then((r: any) => r.rows)
        result[table] = count
      }
      return result
    }

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      const container = getContainer()
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: SHOP.publishableKeyTitle })
      storeHeaders = { headers: { "x-publishable-api-key": key.token } }
    })

    it("seeding twice changes nothing", async () => {
      const before = await counts()
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
      expect(await counts()).toEqual(before)
      expect(before.product).toBe(PRODUCTS.length)
      expect(before.region).toBe(2)
      const keys = await getContainer().resolve(Modules.API_KEY).listApiKeys({ title: SHOP.publishableKeyTitle })
      expect(keys).toHaveLength(1)
    })

    it("refuses store requests without the publishable key", async () => {
      const response = await api.get("/store/products").catch((e: any) => e.response)
      expect(response.status).toBe(400)
    })

    it("offers Nederland and België in euros", async () => {
      const { data } = await api.get("/store/regions", storeHeaders)
      const byName = Object.fromEntries(data.regions.map((r: any) => [r.name, r]))
      expect(Object.keys(byName).sort()).toEqual(["België", "Nederland"])
      expect(byName.Nederland.currency_code).toBe("eur")
      expect(byName.Nederland.countries.map((c: any) => c.iso_2)).toEqual(["nl"])
      expect(byName["België"].countries.map((c: any) => c.iso_2)).toEqual(["be"])
    })

    it("lists the catalogue in its four categories with prices including btw", async () => {
      const { data: regions } = await api.get("/store/regions", storeHeaders)
      const nl = regions.regions.find((r: any) => r.name === "Nederland")
      const { data } = await api.get(
        `/store/products?region_id=${nl.id}&limit=50&fields=handle,thumbnail,*categories,*variants,*variants.calculated_price,+variants.inventory_quantity`,
        storeHeaders
      )
      expect(data.count).toBe(PRODUCTS.length)
      const sign = data.products.find((p: any) => p.handle === "straatbord-whatsapp-buurtpreventie")
      expect(sign.thumbnail).toBe("http://shop.test/images/products/bord-whatsapp-buurtpreventie.svg")
      expect(sign.categories.map((c: any) => c.handle)).toEqual(["borden"])
      const small = sign.variants.find((v: any) => v.sku === "BORD-WAB-3045-ALU")
      expect(small.calculated_price.calculated_amount).toBe(19.95)
      expect(small.calculated_price.is_calculated_price_tax_inclusive).toBe(true)
      expect(small.inventory_quantity).toBe(180)

      const { data: categories } = await api.get("/store/product-categories?fields=handle,name", storeHeaders)
      expect(categories.product_categories.map((c: any) => c.name).sort()).toEqual(["Bevestiging", "Borden", "Pakketten", "Stickers"])
    })

    it("packages draw their stock from the signs, stickers and clamps inside them", async () => {
      const { data: regions } = await api.get("/store/regions", storeHeaders)
      const nl = regions.regions.find((r: any) => r.name === "Nederland")
      const { data } = await api.get(
        `/store/products?handle=starterspakket-straat&region_id=${nl.id}&fields=*variants,+variants.inventory_quantity`,
        storeHeaders
      )
      // 180 signs / 2, 2500 stickers / 20, 300 clamp sets / 2 → 90 packages.
      expect(data.products[0].variants[0].inventory_quantity).toBe(90)
    })

    it("ships stickers by letterbox post and signs by parcel, free from € 75", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: regions } = await api.get("/store/regions", storeHeaders)
      const nl = regions.regions.find((r: any) => r.name === "Nederland")
      const variantId = async (sku: string) =>
        (await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku } })).data[0].id

      const optionsFor = async (items: { sku: string; quantity: number }[]) => {
        const { data: created } = await api.post("/store/carts", { region_id: nl.id }, storeHeaders)
        for (const item of items) {
          await api.post(`/store/carts/${created.cart.id}/line-items`, { variant_id: await variantId(item.sku), quantity: item.quantity }, storeHeaders)
        }
        const { data } = await api.get(`/store/shipping-options?cart_id=${created.cart.id}`, storeHeaders)
        return Object.fromEntries(data.shipping_options.map((o: any) => [o.name, o]))
      }

      // Medusa lists every option of the region; each belongs to one shipping profile,
      // and a cart needs a method for each profile its items use.
      const stickers = await optionsFor([{ sku: "STK-RAAM-1015-BIN", quantity: 2 }])
      expect(Object.keys(stickers).sort()).toEqual(["Brievenbuspost Nederland", "Pakket Nederland"])
      expect(stickers["Brievenbuspost Nederland"].amount).toBe(2.5)
      const { data: [stickerProduct] } = await query.graph({
        entity: "product",
        fields: ["shipping_profile.id"],
        filters: { handle: "raamsticker-whatsapp-buurtpreventie" },
      })
      expect(stickers["Brievenbuspost Nederland"].shipping_profile_id).toBe(stickerProduct.shipping_profile!.id)
      expect(stickers["Pakket Nederland"].shipping_profile_id).not.toBe(stickers["Brievenbuspost Nederland"].shipping_profile_id)

      expect((await optionsFor([{ sku: "BORD-WAB-3045-ALU", quantity: 1 }]))["Pakket Nederland"].amount).toBe(6.95)
      // 3 x € 29,95 = € 89,85 ≥ € 75: free parcel.
      expect((await optionsFor([{ sku: "BORD-WAB-4060-ALU", quantity: 3 }]))["Pakket Nederland"].amount).toBe(0)
    })
  },
})
