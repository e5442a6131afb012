/**
 * Orders for a neighbourhood group: the shopper puts an approved group on the cart
 * (POST /store/carts/:id/group), the completed order is linked to the group (module
 * link order ↔ neighbourhood_group), the group's public page counts the signs in its
 * orders that are not canceled, and staff see the group on the order.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { seedShop } from "../../src/seed/seed-shop"
import { createGroupsWorkflow } from "../../src/workflows/groups/create-groups"
import { adminHeaders } from "../utils/admin"
import { cartReadyForPayment, completeCart, startPayment, storeHeaders, type CartLine, type StoreHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-group-orders-"))
process.env.MAIL_DIR = MAIL_DIR
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-3045-ALU"
const SMALL_SIGN = "BORD-LP-2030"
const STICKER = "STK-RAAM-1015-BIN"
const STARTER = "PAKKET-STARTER" // 2 signs, 20 stickers, 2 clamps
const NOT_ORDERABLE = "Deze buurtgroep bestaat niet of is (nog) niet goedgekeurd. Je kunt alleen bestellen voor goedgekeurde buurtgroepen."

const group = (name: string, slug: string, status: "approved" | "pending" | "rejected" | "archived") => ({
  name,
  slug,
  status,
  woonplaats: "Utrecht",
  gemeente: "Utrecht",
  postcodes: ["3581"],
  lat: 52.09,
  lng: 5.13,
  member_count: 30,
  admin_name: "Bea Beheerder",
  admin_email: `${slug}@example.nl`,
  admin_phone: "+31612345678",
  accepted_rules: true,
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreHeaders
    let admin: { headers: Record<string, string> }
    let groups: Record<"approved" | "pending" | "archived", { id: string; slug: string; name: string }>

    const post = (url: string, body: unknown, config: any = store) => api.post(url, body, config).catch((e: any) => e.response)
    const del = (url: string, config: any = store) => api.delete(url, config).catch((e: any) => e.response)
    const get = (url: string, config: any = store) => api.get(url, config).catch((e: any) => e.response)
    const query = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.QUERY)
    const cartMetadata = async (cartId: string) =>
      (await query(getContainer()).graph({ entity: "cart", fields: ["metadata"], filters: { id: cartId } })).data[0].metadata ?? {}
    const orderGroup = async (orderId: string) =>
      ((await query(getContainer()).graph({ entity: "order", fields: ["id", "neighbourhood_group.id"], filters: { id: orderId } })).data[0] as any)
        .neighbourhood_group ?? null
    const signsOrdered = async (slug: string) => (await get(`/store/groups/${slug}`)).data.group.signs_ordered

    /** A paid ("Betalen op rekening") order, optionally for a group. */
    async function placeOrder(lines: CartLine[], groupSlug?: string) {
      const cart = await cartReadyForPayment(api, store, getContainer(), { lines })
      if (groupSlug) expect((await post(`/store/carts/${cart.id}/group`, { slug: groupSlug })).status).toBe(200)
      await startPayment(api, store, cart.id, "pp_system_default")
      const { body } = await completeCart(api, store, cart.id)
      expect(body.type).toBe("order")
      return body.order
    }

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      const container = getContainer()
      store = await storeHeaders(container)
      admin = await adminHeaders(api, container, `staff-${Date.now()}@example.nl`)
      const { result } = await createGroupsWorkflow(container).run({
        input: {
          groups: [
            group("Buurtpreventie Lindelaan", "buurtpreventie-lindelaan", "approved"),
            group("Buurtpreventie Wachtlaan", "buurtpreventie-wachtlaan", "pending"),
            group("Buurtpreventie Oudlaan", "buurtpreventie-oudlaan", "archived"),
          ],
          check_duplicates: false,
        },
      })
      const bySlug = (slug: string) => {
        const g = (result as any[]).find((r) => r.slug === slug)
        return { id: g.id, slug: g.slug, name: g.name }
      }
      groups = {
        approved: bySlug("buurtpreventie-lindelaan"),
        pending: bySlug("buurtpreventie-wachtlaan"),
        archived: bySlug("buurtpreventie-oudlaan"),
      }
    })

    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    it("links the order to the approved group on the cart; staff see the group on the order", async () => {
      const { data: created } = await api.post("/store/carts", {}, store)
      const { status, data } = await post(`/store/carts/${created.cart.id}/group`, { slug: groups.approved.slug })
      expect(status).toBe(200)
      expect(data.group).toEqual(groups.approved)
      expect(await cartMetadata(created.cart.id)).toEqual({
        group_id: groups.approved.id,
        group_slug: groups.approved.slug,
        group_name: groups.approved.name,
      })

      const order = await placeOrder([{ sku: SIGN, quantity: 1 }], groups.approved.slug)
      expect(await orderGroup(order.id)).toEqual({ id: groups.approved.id })
      const { data: linked } = await query(getContainer()).graph({
        entity: "neighbourhood_group",
        fields: ["orders.id"],
        filters: { id: groups.approved.id },
      })
      expect((linked[0] as any).orders.map((o: any) => o.id)).toEqual([order.id])

      const { data: forStaff } = await api.get(`/admin/orders/${order.id}/group`, admin)
      expect(forStaff.group).toEqual({ ...groups.approved, gemeente: "Utrecht", woonplaats: "Utrecht", status: "approved" })

      const plain = await placeOrder([{ sku: SIGN, quantity: 1 }])
      expect(await orderGroup(plain.id)).toBeNull()
      expect((await api.get(`/admin/orders/${plain.id}/group`, admin)).data).toEqual({ group: null })
      expect((await get(`/admin/orders/order_unknown/group`, admin)).status).toBe(404)
      expect((await get(`/admin/orders/${order.id}/group`, { headers: {} })).status).toBe(401)
    })

    it("signs_ordered counts signs and the signs in packages, not stickers, clamps or canceled orders", async () => {
      const slug = groups.approved.slug
      expect(await signsOrdered(slug)).toBe(0)

      await placeOrder(
        [
          { sku: SIGN, quantity: 2 },
          { sku: SMALL_SIGN, quantity: 1 },
          { sku: STICKER, quantity: 5 },
          { sku: "KLEM-048", quantity: 3 },
        ],
        slug
      )
      expect(await signsOrdered(slug)).toBe(3)

      await placeOrder([{ sku: STARTER, quantity: 2 }], slug) // 2 × 2 signs
      expect(await signsOrdered(slug)).toBe(7)

      await placeOrder([{ sku: STICKER, quantity: 10 }], slug)
      expect(await signsOrdered(slug)).toBe(7)

      const canceled = await placeOrder([{ sku: SIGN, quantity: 4 }], slug)
      expect(await signsOrdered(slug)).toBe(11)
      await api.post(`/admin/orders/${canceled.id}/cancel`, {}, admin)
      expect(await signsOrdered(slug)).toBe(7)

      // Orders of other groups or without a group do not count.
      await placeOrder([{ sku: SIGN, quantity: 1 }])
      expect(await signsOrdered(slug)).toBe(7)

      // Public data only: the number, no order ids, no customer or admin data.
      const { data } = await get(`/store/groups/${slug}`)
      const body = JSON.stringify(data)
      expect(body).not.toMatch(/order_|anouk@example\.nl|Lindelaan 12|admin_|@example\.nl|orders/)
    })

    it("refuses unknown, pending and archived groups with a Dutch error and leaves the cart unchanged", async () => {
      const { data: created } = await api.post("/store/carts", { metadata: { note: "eigen" } }, store)
      const cartId = created.cart.id
      expect((await post(`/store/carts/${cartId}/group`, { slug: groups.approved.slug })).status).toBe(200)
      const before = await cartMetadata(cartId)

      for (const slug of ["bestaat-niet", groups.pending.slug, groups.archived.slug]) {
        const res = await post(`/store/carts/${cartId}/group`, { slug })
        expect(res.status).toBe(404)
        expect(res.data.message).toBe(NOT_ORDERABLE)
        expect(await cartMetadata(cartId)).toEqual(before)
      }

      for (const [body, message] of [
        [{}, "Kies een buurtgroep"],
        [{ slug: "" }, "Kies een buurtgroep"],
        [{ slug: "Geen Slug!" }, "Deze buurtgroep bestaat niet"],
        [{ slug: 12 }, "Kies een buurtgroep"],
      ] as const) {
        const res = await post(`/store/carts/${cartId}/group`, body)
        expect(res.status).toBe(400)
        expect(res.data.errors.slug).toBe(message)
      }
      expect(await cartMetadata(cartId)).toEqual(before)

      const unknownCart = await post(`/store/carts/cart_bestaatniet/group`, { slug: groups.approved.slug })
      expect(unknownCart.status).toBe(404)
      expect((await post(`/store/carts/${cartId}/group`, { slug: groups.approved.slug }, { headers: {} })).status).toBe(400)
    })

    it("removing the group keeps the rest of the metadata; the order is then not linked", async () => {
      const cart = await cartReadyForPayment(api, store, getContainer(), { lines: [{ sku: SIGN, quantity: 1 }] })
      await api.post(`/store/carts/${cart.id}`, { metadata: { note: "eigen" } }, store)
      await post(`/store/carts/${cart.id}/group`, { slug: groups.approved.slug })
      const removed = await del(`/store/carts/${cart.id}/group`)
      expect(removed.status).toBe(200)
      expect(removed.data.group).toBeNull()
      expect(await cartMetadata(cart.id)).toEqual({ note: "eigen" })
      expect((await del(`/store/carts/${cart.id}/group`)).status).toBe(200) // idempotent

      await startPayment(api, store, cart.id, "pp_system_default")
      const { body } = await completeCart(api, store, cart.id)
      expect(body.type).toBe("order")
      expect(await orderGroup(body.order.id)).toBeNull()

      // A completed cart no longer takes a group.
      const late = await post(`/store/carts/${cart.id}/group`, { slug: groups.approved.slug })
      expect(late.status).toBe(400)
      expect(late.data.message).toBe("Deze winkelmand is al afgerekend.")
    })

    it("links no group that is not approved at completion, even when its id was written through Medusa's own cart update", async () => {
      const cart = await cartReadyForPayment(api, store, getContainer(), { lines: [{ sku: SIGN, quantity: 1 }] })
      await api.post(
        `/store/carts/${cart.id}`,
        { metadata: { group_id: groups.pending.id, group_slug: groups.pending.slug, group_name: groups.pending.name } },
        store
      )
      await startPayment(api, store, cart.id, "pp_system_default")
      const { body } = await completeCart(api, store, cart.id)
      expect(body.type).toBe("order")
      expect(await orderGroup(body.order.id)).toBeNull()
      const { data } = await query(getContainer()).graph({ entity: "neighbourhood_group", fields: ["orders.id"], filters: { id: groups.pending.id } })
      expect((data[0] as any).orders ?? []).toEqual([])
    })
  },
})
