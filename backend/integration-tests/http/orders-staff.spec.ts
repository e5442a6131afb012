/**
 * Staff running orders in Medusa's admin: the customer's "Je bestelling is verzonden"
 * with track-and-trace when a fulfilment is marked shipped, the packing slip, cancel
 * (stock back, payment released) and refunds with the manual provider, and staff
 * accounts through Medusa's invites (the e-mail with the link, accepting, logging in).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { useSeededShop } from "../utils/seeded-shop"
import {
  cartReadyForPayment,
  completeCart,
  readMails,
  startPayment,
  storeHeaders,
  variantIdBySku,
  waitFor,
  type CartLine,
  type StoreHeaders,
} from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-orders-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.MEDUSA_BACKEND_URL = "https://winkel.buurtpreventie.test"
process.env.LOW_STOCK_THRESHOLD = "0" // low-stock alerts are stock-low.spec.ts's subject
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-3045-ALU" // € 19,95, Pakketpost, also 2 per Starterspakket
const STICKER = "STK-RAAM-1015-BIN" // € 2,95, Brievenbuspost
const KIT = "PAKKET-STARTER" // 2 signs, 20 stickers, 2 × KLEM-048

const PASSWORD = "een-lang-wachtwoord"

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const { store: headers, admin } = useSeededShop({ api, getContainer, mailDir: MAIL_DIR })

    const fail = (e: any) => e.response ?? Promise.reject(e)

    async function placeOrder(lines: CartLine[], email = "anouk@example.nl") {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines, email })
      await startPayment(api, headers, cart.id, "pp_system_default")
      const { status, body } = await completeCart(api, headers, cart.id)
      expect([status, body.type]).toEqual([200, "order"])
      return body.order
    }

    /** What the store sells of a variant: stocked − reserved at the warehouse. */
    async function available(sku: string): Promise<number> {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku })
      const levels = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      return levels.reduce((sum, l) => sum + Number(l.stocked_quantity) - Number(l.reserved_quantity), 0)
    }

    async function notificationsFor(resourceId: string, template: string) {
      return getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: resourceId, template })
    }

    async function payment(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["payment_collections.status", "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at", "payment_collections.payments.refunds.amount"],
        filters: { id: orderId },
      })
      const collection = (data[0] as any).payment_collections[0]
      return { status: collection.status, ...collection.payments[0] }
    }

    it("marking a fulfilment shipped e-mails the customer 'Je bestelling is verzonden' with the PostNL track-and-trace link", async () => {
      const order = await placeOrder([
        { sku: SIGN, quantity: 2 },
        { sku: STICKER, quantity: 3 },
      ])
      const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=*items,*items.variant,*items.variant.product`, admin)
      const itemsOf = (profile: "Pakketpost" | "Brievenbuspost") =>
        detail.order.items
          .filter((i: any) => (profile === "Pakketpost" ? i.variant_sku === SIGN : i.variant_sku === STICKER))
          .map((i: any) => ({ id: i.id, quantity: i.quantity }))

      // The sign goes by parcel: fulfil, then mark shipped with PostNL's barcode (the admin sends "#" as URL).
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items: itemsOf("Pakketpost") }, admin)
      const { data: withFulfillment } = await api.get(`/admin/orders/${order.id}?fields=*fulfillments,*fulfillments.items`, admin)
      const parcel = withFulfillment.order.fulfillments[0]
      const stockAfterFulfilment = await available(SIGN)
      await api.post(
        `/admin/orders/${order.id}/fulfillments/${parcel.id}/shipments`,
        { items: itemsOf("Pakketpost"), labels: [{ tracking_number: "3SBPS0012345678", tracking_url: "#", label_url: "#" }] },
        admin
      )

      await waitFor(async () => (await notificationsFor(order.id, "order-shipped")).some((n) => n.status === "success"), {
        what: "the shipment e-mail",
      })
      const mails = readMails(MAIL_DIR).filter((m) => m.headers.subject === `Je bestelling is verzonden (#${order.display_id})`)
      expect(mails).toHaveLength(1)
      const [mail] = mails
      expect(mail.headers.to).toBe("anouk@example.nl")
      expect(mail.text).toContain("Hallo Anouk,")
      expect(mail.text).toContain("Volg je pakket met track & trace:\nhttps://jouw.postnl.nl/track-and-trace/3SBPS0012345678-NL-3581AB\n(code 3SBPS0012345678)")
      expect(mail.text).toContain("- 2 × Straatbord WhatsApp-buurtpreventie (30 x 45 cm / Aluminium 1,5 mm)")
      expect(mail.text).not.toContain("Raamsticker") // not in this parcel
      expect(mail.text).toContain("Lindelaan 12\n3581 AB Utrecht\nNederland")
      expect(mail.html).toContain('href="https://jouw.postnl.nl/track-and-trace/3SBPS0012345678-NL-3581AB"')
      // Shipping did not change what the shop can sell (the reservation became a deduction at fulfilment).
      expect(await available(SIGN)).toBe(stockAfterFulfilment)

      // The stickers go by letterbox post; staff choose not to notify: no second mail.
      const { data: methods } = await api.get(`/admin/orders/${order.id}?fields=*shipping_methods`, admin)
      const letterbox = methods.order.shipping_methods.find((m: any) => m.name === "Brievenbuspost Nederland")
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items: itemsOf("Brievenbuspost"), shipping_option_id: letterbox.shipping_option_id }, admin)
      const { data: both } = await api.get(`/admin/orders/${order.id}?fields=*fulfillments`, admin)
      const letter = both.order.fulfillments.find((f: any) => f.id !== parcel.id)
      await api.post(`/admin/orders/${order.id}/fulfillments/${letter.id}/shipments`, { items: itemsOf("Brievenbuspost"), no_notification: true }, admin)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect((await notificationsFor(order.id, "order-shipped")).map((n) => n.status)).toEqual(["success"])
    })

    it("prints a packing slip: Pakbon with order number, date, address, SKUs and quantities (package parts too), no prices", async () => {
      const order = await placeOrder([
        { sku: SIGN, quantity: 2 },
        { sku: KIT, quantity: 1 },
        { sku: STICKER, quantity: 5 },
      ])
      expect((await api.get(`/admin/orders/${order.id}/packing-slip`).catch(fail)).status).toBe(401)
      expect((await api.get(`/admin/orders/order_bestaatniet/packing-slip`, admin).catch(fail)).status).toBe(404)

      const res = await api.get(`/admin/orders/${order.id}/packing-slip`, admin)
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8")
      expect(res.headers["cache-control"]).toBe("no-store")
      const html: string = res.data
      const today = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(order.created_at))
      expect(html).toContain(`<h1>Pakbon #${order.display_id}</h1>`)
      expect(html).toContain(`Besteldatum: ${today}`)
      expect(html).toContain("Anouk de Vries<br>Lindelaan 12<br>3581 AB Utrecht<br>Nederland<br>Tel. 0612345678")
      const row = (sku: string, name: string, quantity: number) =>
        new RegExp(`<td class="sku">${sku}</td>\\n<td>${name.replace(/[()]/g, "\\$&")}.*</td>\\n<td class="qty">${quantity}</td>`)
      expect(html).toMatch(row(SIGN, "Straatbord WhatsApp-buurtpreventie (30 x 45 cm / Aluminium 1,5 mm)", 2))
      expect(html).toMatch(row(STICKER, "Raamsticker WhatsApp-buurtpreventie (10 x 15 cm / Binnenkant raam)", 5))
      expect(html).toMatch(row(KIT, "Starterspakket straat (Starter)", 1))
      expect(html).toContain(`<li>20 × Raamsticker WhatsApp-buurtpreventie (10 x 15 cm / Binnenkant raam) <span class="sku">${STICKER}</span></li>`)
      expect(html).toContain('<li>2 × Bevestigingsklem voor paal (set van 2) (48 mm) <span class="sku">KLEM-048</span></li>')
      expect(html).toContain("3 regels, 8 stuks in totaal.")
      expect(html).not.toMatch(/€|19,95|prijs|totaalbedrag/i)
      expect(html).not.toContain("window.print() })")
      expect((await api.get(`/admin/orders/${order.id}/packing-slip?print=1`, admin)).data).toContain("window.print() })")
    })

    it("canceling an order puts its stock back (packages too) and releases the payment", async () => {
      const before = { sign: await available(SIGN), klem: await available("KLEM-048") }
      const order = await placeOrder([
        { sku: SIGN, quantity: 2 },
        { sku: KIT, quantity: 1 },
      ])
      expect(await available(SIGN)).toBe(before.sign - 4) // 2 + 2 in the package
      expect(await available("KLEM-048")).toBe(before.klem - 2)

      const { data } = await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      expect(data.order.status).toBe("canceled")
      expect(await available(SIGN)).toBe(before.sign)
      expect(await available("KLEM-048")).toBe(before.klem)
      const reservations = await getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      expect(reservations).toEqual([])
      const pay = await payment(order.id)
      expect(pay.canceled_at).toBeTruthy()
      expect(pay.refunds ?? []).toEqual([])
    })

    it("manual provider: staff capture when the invoice is paid and record refunds; canceling refunds the rest", async () => {
      const order = await placeOrder([{ sku: SIGN, quantity: 1 }]) // € 19,95 + € 6,95 parcel
      const total = Number(order.total)
      expect(total).toBeCloseTo(26.9, 2)
      const { id: paymentId } = await payment(order.id)

      await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
      expect((await payment(order.id)).captured_at).toBeTruthy()

      // A partial refund (e.g. a damaged sign), recorded by staff.
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 10, note: "Bord beschadigd" }, admin)
      expect((await payment(order.id)).refunds.map((r: any) => Number(r.amount))).toEqual([10])
      // More than what is left cannot be refunded.
      expect((await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin).catch(fail)).status).toBe(400)

      const signBefore = await available(SIGN)
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      const refunds = (await payment(order.id)).refunds.map((r: any) => Number(r.amount)).sort((a: number, b: number) => a - b)
      expect(refunds.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(total, 2)
      expect(refunds).toHaveLength(2)
      expect(await available(SIGN)).toBe(signBefore + 1)
    })

    it("inviting a colleague e-mails the invite link; accepting it creates a login; admin routes need that login", async () => {
      for (const url of ["/admin/orders", "/admin/low-stock", "/admin/users/me"]) {
        expect((await api.get(url).catch(fail)).status).toBe(401)
      }
      expect((await api.get("/admin/orders", bearer("not-a-token")).catch(fail)).status).toBe(401)

      const colleague = "nieuwe.collega@buurtpreventie.test"
      const { data: created } = await api.post("/admin/invites", { email: colleague }, admin)
      const inviteId = created.invite.id
      await waitFor(async () => (await notificationsFor(inviteId, "staff-invite")).some((n) => n.status === "success"), { what: "the invite e-mail" })
      const [mail] = readMails(MAIL_DIR).filter((m) => m.headers.to === colleague)
      expect(mail.headers.subject).toBe("Uitnodiging voor de beheeromgeving van Buurtpreventie Shop")
      const link = /https:\/\/winkel\.buurtpreventie\.test\/app\/invite\?token=(\S+)/.exec(mail.text)
      expect(link).not.toBeNull()
      const token = decodeURIComponent(link![1])
      expect(mail.html).toContain(`href="https://winkel.buurtpreventie.test/app/invite?token=${link![1]}"`)

      // What the admin's invite page does: register the login, accept with the token, log in.
      const { data: registered } = await api.post("/auth/user/emailpass/register", { email: colleague, password: PASSWORD })
      const accepted = await api.post(
        `/admin/invites/accept?token=${encodeURIComponent(token)}`,
        { email: colleague, first_name: "Sanne", last_name: "Jansen" },
        bearer(registered.token)
      )
      expect(accepted.data.user).toMatchObject({ email: colleague, first_name: "Sanne" })
      const { data: login } = await api.post("/auth/user/emailpass", { email: colleague, password: PASSWORD })
      const { data: me } = await api.get("/admin/users/me", bearer(login.token))
      expect(me.user.email).toBe(colleague)
      expect((await api.get("/admin/low-stock", bearer(login.token))).status).toBe(200)
      expect((await api.post("/auth/user/emailpass", { email: colleague, password: "fout" }).catch(fail)).status).toBe(401)

      // The link works once (even for another invited address).
      await api.post("/admin/invites", { email: "ander@buurtpreventie.test" }, admin)
      const again = await api.post("/auth/user/emailpass/register", { email: "ander@buurtpreventie.test", password: PASSWORD })
      // (400 with one message for every refusal, which Medusa's invite page shows as an invalid invite)
      const reused = await api.post(`/admin/invites/accept?token=${encodeURIComponent(token)}`, {}, bearer(again.data.token)).catch(fail)
      expect([reused.status, reused.data.message]).toEqual([400, "Deze uitnodiging is verlopen, al gebruikt of niet voor dit e-mailadres. Vraag een collega om een nieuwe."])
    })

    it("resending an invite sends a new link", async () => {
      const colleague = "later@buurtpreventie.test"
      const { data } = await api.post("/admin/invites", { email: colleague }, admin)
      await waitFor(async () => (await notificationsFor(data.invite.id, "staff-invite")).length === 1, { what: "the first invite e-mail" })
      await api.post(`/admin/invites/${data.invite.id}/resend`, {}, admin)
      await waitFor(async () => (await notificationsFor(data.invite.id, "staff-invite")).filter((n) => n.status === "success").length === 2, {
        what: "the second invite e-mail",
      })
      const links = readMails(MAIL_DIR)
        .filter((m) => m.headers.to === colleague)
        .map((m) => /invite\?token=(\S+)/.exec(m.text)![1])
      expect(links).toHaveLength(2)
      expect(links[0]).not.toBe(links[1])
    })
  },
})
