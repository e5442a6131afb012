/**
 * What members ordered through a group's order link, as counts only: the public group
 * page's `signs_ordered` and `stickers_ordered`, and GET /store/my-group/groups/:id/orders
 * for the group's own admin (orders, signs, stickers, units per product; never names or
 * addresses). Anyone else gets 401 (not signed in) or 404 (not their group), in Dutch.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { useGroupAccountsKit } from "../utils/group-accounts"
import { cartReadyForPayment, completeCart, startPayment, type CartLine } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-group-share-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STOREFRONT_URL = "http://shop.test"
delete process.env.SMTP_URL
delete process.env.STRIPE_API_KEY

const SIGN = "BORD-WAB-3045-ALU"
const STICKER = "STK-RAAM-1015-BIN"
const STARTER = "PAKKET-STARTER" // 2 signs, 20 stickers, 2 clamps

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const kit = useGroupAccountsKit({ api, getContainer, dbConnection, mailDir: MAIL_DIR, ipPrefix: "10.88" })
    const { store, get, post, bearer } = kit

    /** A paid ("Betalen op rekening") order for the group, as a member would place it from the order link. */
    async function memberOrders(lines: CartLine[], groupSlug: string, email: string) {
      const cart = await cartReadyForPayment(api, store, getContainer(), { lines, email })
      expect((await post(`/store/carts/${cart.id}/group`, { slug: groupSlug })).status).toBe(200)
      await startPayment(api, store, cart.id, "pp_system_default")
      const { body } = await completeCart(api, store, cart.id)
      expect(body.type).toBe("order")
      return body.order
    }

    it("the admin sees counts per product for their own group; the public page the signs and stickers", async () => {
      const anouk = await kit.signedInAdmin("anouk.deel@example.nl", "Buurtpreventie Deellaan")
      const dirk = await kit.signedInAdmin("dirk.deel@example.nl", "Buurtpreventie Anderdeel", ["3582"])

      const empty = await get(`/store/my-group/groups/${anouk.row.id}/orders`, anouk.headers)
      expect(empty.status).toBe(200)
      expect(empty.headers["cache-control"]).toBe("private, no-store")
      expect(empty.data.counts).toEqual({ orders: 0, signs: 0, stickers: 0, products: [] })

      await memberOrders([{ sku: STICKER, quantity: 1 }], anouk.row.slug, "lid.een@example.nl")
      await memberOrders([{ sku: STICKER, quantity: 2 }, { sku: SIGN, quantity: 1 }], anouk.row.slug, "lid.twee@example.nl")
      await memberOrders([{ sku: STARTER, quantity: 1 }], anouk.row.slug, "lid.drie@example.nl")

      const { status, data } = await get(`/store/my-group/groups/${anouk.row.id}/orders`, anouk.headers)
      expect(status).toBe(200)
      expect(data.counts).toMatchObject({ orders: 3, signs: 3, stickers: 23 })
      expect(data.counts.products.map((p: any) => [p.quantity, p.orders])).toEqual([
        [3, 2],
        [1, 1],
        [1, 1],
      ])
      // counts only: no member's name, e-mail address, address or order number
      const text = JSON.stringify(data)
      for (const secret of ["lid.een", "lid.twee", "lid.drie", "Jansen", "display_id", "order_"]) expect(text).not.toContain(secret)

      const publicPage = await get(`/store/groups/${anouk.row.slug}`)
      expect(publicPage.data.group).toMatchObject({ signs_ordered: 3, stickers_ordered: 23 })
      expect(JSON.stringify(publicPage.data)).not.toContain("anouk.deel@example.nl")

      // the other admin's group has none of them
      expect((await get(`/store/my-group/groups/${dirk.row.id}/orders`, dirk.headers)).data.counts.orders).toBe(0)
    })

    it("only the group's own admin may see the counts: 401 signed out, 404 for someone else's or a missing group", async () => {
      const anouk = await kit.signedInAdmin("anouk.wie@example.nl", "Buurtpreventie Wielaan")
      const dirk = await kit.signedInAdmin("dirk.wie@example.nl", "Buurtpreventie Anderwie", ["3582"])

      const signedOut = await get(`/store/my-group/groups/${anouk.row.id}/orders`)
      expect(signedOut.status).toBe(401)
      expect((await get(`/store/my-group/groups/${anouk.row.id}/orders`, bearer("not-a-token"))).status).toBe(401)
      expect((await get(`/store/my-group/groups/${anouk.row.id}/orders`, kit.admin.headers)).status).toBe(401)

      const foreign = await get(`/store/my-group/groups/${anouk.row.id}/orders`, dirk.headers)
      expect(foreign.status).toBe(404)
      expect(foreign.data.message).toBe("Deze groep bestaat niet of hoort niet bij je account.")
      const missing = await get("/store/my-group/groups/nbgrp_missing/orders", dirk.headers)
      expect(missing.status).toBe(404)
      expect(missing.data.message).toBe("Deze groep bestaat niet of hoort niet bij je account.")
    })
  },
})
