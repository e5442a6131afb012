import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedShop, SHOP } from "../../src/seed/seed-shop"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: { headers: Record<string, string> }
    let regionId: string

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      const container = getContainer()
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: SHOP.publishableKeyTitle })
      headers = { headers: { "x-publishable-api-key": key.token } }
      const [region] = await container.resolve(Modules.REGION).listRegions({ name: "Nederland" })
      regionId = region.id
    })

    const cartWith = async (items: { sku: string; quantity: number }[]) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await api.post("/store/carts", { region_id: regionId }, headers)
      for (const item of items) {
        const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: item.sku } })
        await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: variants[0].id, quantity: item.quantity }, headers)
      }
      return data.cart.id as string
    }

    it("offers only letterbox post for a cart of stickers", async () => {
      const cartId = await cartWith([{ sku: "STK-RAAM-1015-BIN", quantity: 5 }])
      const { data } = await api.get(`/store/carts/${cartId}/shipping-groups`, headers)
      expect(data.shipping_groups).toHaveLength(1)
      expect(data.shipping_groups[0].profile_name).toBe("Brievenbuspost")
      expect(data.shipping_groups[0].options.map((o: any) => [o.name, o.amount])).toEqual([["Brievenbuspost Nederland", 2.5]])
    })

    it("needs a parcel and a letter for signs with stickers, each with its own items", async () => {
      const cartId = await cartWith([
        { sku: "BORD-WAB-3045-ALU", quantity: 1 },
        { sku: "STK-AUTO-0820", quantity: 2 },
      ])
      const { data } = await api.get(`/store/carts/${cartId}/shipping-groups`, headers)
      const byProfile = Object.fromEntries(data.shipping_groups.map((g: any) => [g.profile_name, g]))
      expect(Object.keys(byProfile).sort()).toEqual(["Brievenbuspost", "Pakketpost"])
      expect(byProfile.Pakketpost.options.map((o: any) => o.name)).toEqual(["Pakket Nederland"])
      expect(byProfile.Pakketpost.item_ids).toHaveLength(1)
      expect(byProfile.Brievenbuspost.item_ids).toHaveLength(1)
    })

    it("answers 404 for an unknown cart", async () => {
      const response = await api.get(`/store/carts/cart_doesnotexist/shipping-groups`, headers).catch((e: any) => e.response)
      expect(response.status).toBe(404)
    })
  },
})
