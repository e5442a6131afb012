/**
 * Issue 24, "Security, third look": an attacker's walk against the running shop, through real HTTP.
 * C. every cookieless add made a backend cart: new carts are limited per client address;
 * E. a negative `limit` or `offset` was a 500 "unknown_error" on Medusa's list routes;
 * H. the admin (`/app`) could be framed by another site (clickjacking).
 * (A, the contact relay's sender name, is in groups.spec.ts.)
 */
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { LIMIT_MESSAGE, OFFSET_MESSAGE } from "../../src/api/middlewares/request-hygiene"
import { adminHeaders } from "../utils/admin"
import { storeHeaders } from "../utils/checkout"
import { seedShop } from "../../src/seed/seed-shop"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

// the shipped budget of new carts (setup.js lifts it for the other specs); read when the app
// loads its middlewares, so nothing here imports api/middlewares/limits.ts
delete process.env.CART_LIMIT_PER_ADDRESS

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let ip = 0
    const nextIp = () => `10.78.${(++ip >> 8) & 255}.${ip & 255}`
    const answer = (promise: Promise<any>) => promise.catch((e: any) => e.response)
    let key: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
    })
    beforeEach(async () => {
      key = (await storeHeaders(getContainer())) as { headers: Record<string, string> }
      admin = (await adminHeaders(api, getContainer(), `staf-${Date.now()}-${++ip}@buurtpreventie.test`)) as { headers: Record<string, string> }
    })

    describe("E: limit and offset", () => {
      const STORE_LISTS = [
        "/store/products",
        "/store/regions",
        "/store/collections",
        "/store/product-categories",
        "/store/currencies",
        "/store/return-reasons",
        "/store/groups",
      ]
      const ADMIN_LISTS = ["/admin/products", "/admin/orders", "/admin/customers", "/admin/regions", "/admin/groups"]

      it("answers a negative, broken or huge limit/offset with a Dutch 400 on every list route, never a 500", async () => {
        const lines: string[] = []
        for (const [route, headers] of [...STORE_LISTS.map((r) => [r, key] as const), ...ADMIN_LISTS.map((r) => [r, admin] as const)]) {
          for (const [query, field] of [
            ["limit=-1", "limit"],
            ["offset=-1", "offset"],
            ["limit=1.5", "limit"],
            ["limit=abc", "limit"],
            ["limit=10001", "limit"],
            ["offset=99999999999999999999", "offset"],
            ["limit[]=1", "limit"],
          ] as const) {
            const response = await answer(api.get(`${route}?${query}`, headers))
            const message = field === "limit" ? LIMIT_MESSAGE : OFFSET_MESSAGE
            lines.push(`${route}?${query} ${response.status} ${response.data?.type} ${response.data?.message}`)
            expect(response.data?.errors?.[field]).toBe(message)
          }
        }
        expect(lines).toEqual(lines.map((line) => line.replace(/ \d+ .*$/, ` 400 invalid_data ${/offset=/.test(line) ? OFFSET_MESSAGE : LIMIT_MESSAGE}`)))
      })

      it("keeps the pages the storefront and the admin ask for", async () => {
        for (const url of ["/store/products?limit=24&offset=0", "/store/regions?limit=100", "/store/products?limit=0", "/store/product-categories?limit=10000&offset=5"]) {
          expect([url, (await answer(api.get(url, key))).status]).toEqual([url, 200])
        }
        for (const url of ["/admin/products?limit=20&offset=0", "/admin/orders?limit=500", "/admin/regions?limit=9999", "/admin/sales-channels?limit=9999", "/admin/groups?limit=20&offset=20"]) {
          expect([url, (await answer(api.get(url, admin))).status]).toEqual([url, 200])
        }
      })
    })

    describe("H: framing", () => {
      it("forbids framing on the API and on the admin's paths with X-Frame-Options and frame-ancestors", async () => {
        for (const [url, headers] of [
          ["/store/products", key],
          ["/admin/products", admin],
          ["/health", {}],
          ["/app", {}],
          ["/app/login", {}],
          ["/bestaat-niet", {}],
        ] as const) {
          const response = await answer(api.get(url, { ...headers, maxRedirects: 0 }))
          expect([url, response.headers["x-frame-options"], response.headers["content-security-policy"]]).toEqual([url, "DENY", "frame-ancestors 'none'"])
        }
      })
    })

    describe("C: new carts per client address", () => {
      it("allows 60 new carts per address per hour; changing a cart and other addresses are not affected", async () => {
        const region = (await api.get("/store/regions", key)).data.regions[0]
        const from = nextIp()
        const headers = { headers: { ...key.headers, "x-forwarded-for": from } }
        let cartId = ""
        for (let i = 0; i < 60; i++) {
          const response = await answer(api.post("/store/carts?fields=id", { region_id: region.id }, headers))
          expect([i, response.status]).toEqual([i, 200])
          cartId = response.data.cart.id
        }
        const refused = await answer(api.post("/store/carts?fields=id", { region_id: region.id }, headers))
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/^Te veel nieuwe winkelmandjes\. Probeer het over .+ opnieuw\.$/)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        // the carts already made still work
        const product = (await api.get("/store/products?fields=id,*variants&limit=1", key)).data.products[0]
        const line = await answer(api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, headers))
        expect(line.status).toBe(200)
        // another address still makes carts
        const other = await answer(api.post("/store/carts?fields=id", { region_id: region.id }, { headers: { ...key.headers, "x-forwarded-for": nextIp() } }))
        expect(other.status).toBe(200)
      })

      it("a cart asked for together with a line whose variant does not exist is refused whole: no cart is made", async () => {
        const carts = getContainer().resolve(Modules.CART)
        const before = (await carts.listCarts({}, { select: ["id"] })).length
        const region = (await api.get("/store/regions", key)).data.regions[0]
        const response = await answer(
          api.post("/store/carts?fields=id", { region_id: region.id, items: [{ variant_id: "x", quantity: 1 }] }, { headers: { ...key.headers, "x-forwarded-for": nextIp() } })
        )
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
        expect((await carts.listCarts({}, { select: ["id"] })).length).toBe(before)
      })
    })
  },
})
