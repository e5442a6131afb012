/**
 * An attacker's walk against the cart (sec27), through real HTTP and PostgreSQL:
 * 1. Medusa's `DELETE /store/carts/:id/line-items/:line_id` never checked that the line is in
 *    the cart of the path: anyone could delete another visitor's line with their own cart id
 *    (`POST` on the same path was refused by Medusa's own step). Now both answer the same 404
 *    before Medusa's workflow runs, whether the line is another cart's or does not exist.
 * 2. A line could grow past the shop's most per line (999) by adding 999 twice (one line of
 *    1998), and the store API took any quantity (5000, 1.5) on creation, add and update. The
 *    backend now refuses a change whose line would hold more than 999, or a quantity that is
 *    no whole number, with a Dutch answer per field (`code: "invalid_quantity"`).
 */
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { useSeededShop } from "../utils/seeded-shop"
import { answerOf, regionId, variantIdBySku } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const STICKER = "STK-RAAM-1015-BIN" // 2500 in stock: the most per line is reached before the stock
const KLEM = "KLEM-048"
const UNKNOWN_LINE = "cali_01BESTAATNIET00000000000"

const LINE_NOT_FOUND = { type: "not_found", code: "line_not_found", message: "Deze regel staat niet in deze winkelmand." }
const MAX_PER_LINE = "Bestel maximaal 999 stuks per regel; neem contact op voor grotere aantallen."
const quantityRefusal = (message: string) => ({ type: "invalid_data", code: "invalid_quantity", message, errors: { quantity: message } })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const { store } = useSeededShop({ api, getContainer })

    const post = (url: string, body: unknown = {}) => answerOf(api.post(url, body, store))
    const del = (url: string) => answerOf(api.delete(url, store))
    const lines = async (cartId: string) => {
      const { data } = await api.get(`/store/carts/${cartId}?fields=id,*items`, store)
      return (data.cart.items as any[]).map((i) => ({ id: i.id, sku: i.variant_sku, quantity: Number(i.quantity) }))
    }
    async function cartWith(items: { sku: string; quantity: number }[]): Promise<{ id: string; lineIds: string[] }> {
      const region_id = await regionId(api, store, "Nederland")
      const withVariants = await Promise.all(items.map(async (i) => ({ variant_id: await variantIdBySku(getContainer(), i.sku), quantity: i.quantity })))
      const { data } = await api.post("/store/carts", { region_id, items: withVariants }, store)
      return { id: data.cart.id, lineIds: (data.cart.items as any[]).map((i) => i.id) }
    }

    describe("1: a line of another cart", () => {
      it("cannot be deleted or changed through my cart: the same 404 as an unknown line; my own delete works; theirs stays", async () => {
        const victim = await cartWith([{ sku: STICKER, quantity: 3 }])
        const mine = await cartWith([{ sku: KLEM, quantity: 1 }])
        const theirs = victim.lineIds[0]!

        const refusals = {
          delete: await del(`/store/carts/${mine.id}/line-items/${theirs}`),
          update: await post(`/store/carts/${mine.id}/line-items/${theirs}`, { quantity: 1 }),
          // other spellings of the same route reach the same handlers (Express: case-insensitive, trailing slash)
          deleteSpelled: await del(`/Store/Carts/${mine.id}/Line-Items/${theirs}/`),
          updateToZero: await post(`/store/carts/${mine.id}/line-items/${theirs}`, { quantity: 0 }),
          unknownDelete: await del(`/store/carts/${mine.id}/line-items/${UNKNOWN_LINE}`),
          unknownUpdate: await post(`/store/carts/${mine.id}/line-items/${UNKNOWN_LINE}`, { quantity: 1 }),
        }
        for (const [what, answer] of Object.entries(refusals)) expect({ what, ...answer }).toEqual({ what, status: 404, body: LINE_NOT_FOUND })

        expect(await lines(victim.id)).toEqual([{ id: theirs, sku: STICKER, quantity: 3 }])

        const own = await del(`/store/carts/${mine.id}/line-items/${mine.lineIds[0]}`)
        expect(own.status).toBe(200)
        expect(own.body).toMatchObject({ id: mine.lineIds[0], deleted: true })
        expect(await lines(mine.id)).toEqual([])
        // the victim may still change and delete their own line
        expect((await post(`/store/carts/${victim.id}/line-items/${theirs}`, { quantity: 4 })).status).toBe(200)
        expect((await del(`/store/carts/${victim.id}/line-items/${theirs}`)).status).toBe(200)
        expect(await lines(victim.id)).toEqual([])
      })

      it("a line of an unknown cart is still 'winkelmand bestaat niet (meer)'", async () => {
        const victim = await cartWith([{ sku: STICKER, quantity: 1 }])
        const answer = await del(`/store/carts/cart_01BESTAATNIET0000000000000/line-items/${victim.lineIds[0]}`)
        expect(answer).toEqual({ status: 404, body: { type: "not_found", code: "cart_not_found", message: "Deze winkelmand bestaat niet (meer)." } })
        expect((await lines(victim.id)).map((l) => l.quantity)).toEqual([1])
      })
    })

    describe("2: at most 999 per line, whole numbers only", () => {
      it("adding 999 twice is refused in Dutch per field; the line keeps 999", async () => {
        const cart = await cartWith([])
        const variant_id = await variantIdBySku(getContainer(), STICKER)
        expect((await post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 999 })).status).toBe(200)
        const again = await post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 999 })
        const message = "Bestel maximaal 999 stuks per regel; je hebt er al 999 in je winkelmand. Neem contact op voor grotere aantallen."
        expect(again).toEqual({ status: 400, body: quantityRefusal(message) })
        const one = await post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 1 })
        expect(one.status).toBe(400)
        expect((await lines(cart.id)).map((l) => l.quantity)).toEqual([999])
      })

      it("two adds at once cannot pass the check together (the cart's lock)", async () => {
        const cart = await cartWith([])
        const variant_id = await variantIdBySku(getContainer(), STICKER)
        const answers = await Promise.all([1, 2, 3].map(() => post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 600 })))
        expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
        expect((await lines(cart.id)).map((l) => l.quantity)).toEqual([600])
      })

      it("one add, a new cart's items and an update above 999 are refused; 999 itself is fine", async () => {
        const variant_id = await variantIdBySku(getContainer(), STICKER)
        const region_id = await regionId(api, store, "Nederland")
        const before = await cartsCount()
        const created = [
          await post("/store/carts", { region_id, items: [{ variant_id, quantity: 1000 }] }),
          // two items of one variant become one line of 1200
          await post("/store/carts", { region_id, items: [{ variant_id, quantity: 600 }, { variant_id, quantity: 600 }] }),
        ]
        for (const answer of created) expect(answer).toEqual({ status: 400, body: quantityRefusal(MAX_PER_LINE) })
        expect(await cartsCount()).toBe(before) // nothing was created

        const cart = await cartWith([{ sku: STICKER, quantity: 999 }])
        expect(await post(`/store/carts/${cart.id}/line-items`, { variant_id: await variantIdBySku(getContainer(), KLEM), quantity: 5000 })).toEqual({
          status: 400,
          body: quantityRefusal(MAX_PER_LINE),
        })
        const update = await post(`/store/carts/${cart.id}/line-items/${cart.lineIds[0]}`, { quantity: 1000 })
        expect(update).toEqual({ status: 400, body: quantityRefusal(MAX_PER_LINE) })
        // lowering always works
        expect((await post(`/store/carts/${cart.id}/line-items/${cart.lineIds[0]}`, { quantity: 998 })).status).toBe(200)
        expect((await post(`/store/carts/${cart.id}/line-items/${cart.lineIds[0]}`, { quantity: 999 })).status).toBe(200)
        expect((await lines(cart.id)).map((l) => l.quantity)).toEqual([999])
      })

      it("a quantity that is no whole number is refused on creation, add and update", async () => {
        const variant_id = await variantIdBySku(getContainer(), STICKER)
        const region_id = await regionId(api, store, "Nederland")
        const WHOLE = quantityRefusal("Vul een heel aantal in.")
        expect(await post("/store/carts", { region_id, items: [{ variant_id, quantity: 1.5 }] })).toEqual({ status: 400, body: WHOLE })
        const cart = await cartWith([{ sku: STICKER, quantity: 2 }])
        expect(await post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 0.5 })).toEqual({ status: 400, body: WHOLE })
        expect(await post(`/store/carts/${cart.id}/line-items/${cart.lineIds[0]}`, { quantity: 2.5 })).toEqual({ status: 400, body: WHOLE })
        expect((await lines(cart.id)).map((l) => l.quantity)).toEqual([2])
      })
    })

    async function cartsCount(): Promise<number> {
      const [, count] = await getContainer().resolve("cart").listAndCountCarts({}, { select: ["id"] })
      return count
    }
  },
})
