/**
 * The EU withdrawal function ("Herroepen"): POST /store/withdrawals and its lookup,
 * through the real store API on a real database, with the acknowledgement e-mail
 * read back from MAIL_DIR.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { adminHeaders } from "../utils/admin"
import { cartReadyForPayment, completeCart, readMails, startPayment, storeHeaders, type StoreHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-withdrawal-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = "staf@buurtpreventie.test"
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-3045-ALU"
const NEUTRAL = {
  status: "not_matched",
  message:
    "We kunnen met dit bestelnummer en e-mailadres geen bestelling herroepen. Controleer beide gegevens in de bevestigingsmail van je bestelling en probeer het opnieuw.",
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: StoreHeaders

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      headers = await storeHeaders(getContainer())
    })

    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    async function placeOrder(email = "anouk@example.nl") {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity: 2 }], email })
      await startPayment(api, headers, cart.id, "pp_system_default")
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).toBe("order")
      return body.order
    }

    const post = (url: string, body: unknown) => api.post(url, body, headers).catch((e: any) => e.response)
    const withdraw = (body: unknown) => post("/store/withdrawals", body)
    const lookup = (body: unknown) => post("/store/withdrawals/lookup", body)
    const withdrawalMails = () => readMails(MAIL_DIR).filter((m) => /herroeping/i.test(m.headers.subject ?? ""))
    const metadataOf = async (id: string) => (await getContainer().resolve(Modules.ORDER).retrieveOrder(id)).metadata

    it("records the withdrawal of a matching order once and e-mails the date and time; staff are alerted", async () => {
      const order = await placeOrder()
      const typed = { order_number: `#${order.display_id}`, email: "  Anouk@Example.NL " }

      const found = await lookup(typed)
      expect(found.status).toBe(200)
      expect(found.data).toEqual({
        status: "found",
        order: {
          display_id: order.display_id,
          items: [{ title: "Straatbord WhatsApp-buurtpreventie", variant_title: expect.any(String), quantity: 2 }],
          withdrawn_at: null,
          may_withdraw: true,
          period_last_day: null, // not delivered yet: a withdrawal is possible, the period has not started
          refusal: null,
          withdrawal: null,
        },
      })
      const reserved = async () => {
        const { data } = await api.get(`/admin/orders/${order.id}?fields=items.id`, admin)
        const items = await getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: data.order.items.map((i: any) => i.id) })
        return items.reduce((sum: number, r: any) => sum + Number(r.quantity), 0)
      }
      const admin = await adminHeaders(api, getContainer())
      expect(await reserved()).toBe(2)

      const before = Date.now()
      const res = await withdraw(typed)
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        status: "withdrawn",
        withdrawal: {
          display_id: order.display_id,
          withdrawn_at: expect.any(String),
          period_last_day: null,
          // "Betalen op rekening", not paid yet, not shipped: cancelled, nothing to refund
          situation: "unpaid",
          next_steps: [expect.stringContaining("We annuleren haar"), expect.stringContaining("Je hoeft niets te betalen")],
          order_canceled: true,
          already_withdrawn: false,
        },
      })
      const withdrawnAt = new Date(res.data.withdrawal.withdrawn_at).getTime()
      expect(withdrawnAt).toBeGreaterThanOrEqual(before - 1000)
      expect(withdrawnAt).toBeLessThanOrEqual(Date.now())
      expect((await metadataOf(order.id))?.withdrawal).toEqual({
        withdrawn_at: res.data.withdrawal.withdrawn_at,
        period_last_day: null,
        situation: "unpaid",
        order_canceled: true,
      })
      // Cancelled through Medusa's cancelOrderWorkflow: status, payment and the reservations (stock free again).
      const { data: cancelled } = await api.get(`/admin/orders/${order.id}?fields=status,payment_status`, admin)
      expect(cancelled.order.status).toBe("canceled")
      expect(cancelled.order.payment_status).toBe("canceled")
      expect(await reserved()).toBe(0)

      const mails = withdrawalMails()
      const shopper = mails.find((m) => m.headers.to === "anouk@example.nl")!
      expect(shopper.headers.subject).toBe(`Bevestiging van je herroeping: bestelling #${order.display_id}`)
      const when = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(withdrawnAt))
      expect(shopper.text).toContain(`We hebben je herroeping van de overeenkomst voor bestelling #${order.display_id} ontvangen op ${when} (Nederlandse tijd).`)
      expect(shopper.text).toContain("- 2 × Straatbord WhatsApp-buurtpreventie")
      expect(shopper.text).toContain("Je hoeft niets te betalen")
      expect(shopper.text).not.toMatch(/terug op dezelfde manier|Stuur de artikelen/)
      expect(shopper.html).toContain("<html lang=\"nl\">")
      const staff = mails.find((m) => m.headers.to === "staf@buurtpreventie.test")!
      expect(staff.headers.subject).toBe(`Herroeping ontvangen: bestelling #${order.display_id}`)
      expect(staff.text).toContain(`/app/orders/${order.id}`)
      expect(staff.text).toContain("automatisch geannuleerd")
      expect(mails).toHaveLength(2)

      // The lookup now shows the withdrawal instead of offering it again.
      const after = await lookup(typed)
      expect(after.data.order).toMatchObject({ withdrawn_at: res.data.withdrawal.withdrawn_at, may_withdraw: false, refusal: null })
      expect(after.data.order.withdrawal).toMatchObject({ situation: "unpaid", order_canceled: true })

      // The order page's status route and the staff list show it too.
      const status = await api.get(`/store/order-status/${order.id}`, headers)
      expect(status.data).toMatchObject({ canceled: true, payment_on_account: null, withdrawal: { situation: "unpaid", order_canceled: true } })
      const { data: list } = await api.get("/admin/withdrawals", admin)
      expect(list.withdrawals).toEqual([
        { order_id: order.id, display_id: order.display_id, email: "anouk@example.nl", status: "canceled", withdrawn_at: res.data.withdrawal.withdrawn_at, situation: "unpaid", order_canceled: true },
      ])
    })

    it("a paid order is not cancelled: the shopper is promised a refund within 14 days, staff are told to refund", async () => {
      const order = await placeOrder()
      const admin = await adminHeaders(api, getContainer())
      const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.id`, admin)
      await api.post(`/admin/payments/${data.order.payment_collections[0].payments[0].id}/capture`, {}, admin)

      const res = await withdraw({ order_number: String(order.display_id), email: "anouk@example.nl" })
      expect(res.data.withdrawal).toMatchObject({ situation: "paid", order_canceled: false, already_withdrawn: false })
      expect(res.data.withdrawal.next_steps.join(" ")).toContain("binnen 14 dagen terug op dezelfde manier als je betaalde")
      const { data: after } = await api.get(`/admin/orders/${order.id}?fields=status`, admin)
      expect(after.order.status).not.toBe("canceled")

      const mails = withdrawalMails()
      expect(mails.find((m) => m.headers.to === "anouk@example.nl")!.text).toContain("binnen 14 dagen terug op dezelfde manier als je betaalde")
      expect(mails.find((m) => m.headers.to === "anouk@example.nl")!.text).not.toContain("niets te betalen")
      expect(mails.find((m) => m.headers.to === "staf@buurtpreventie.test")!.text).toContain("Annuleer de bestelling (Medusa betaalt dan het volledige bedrag terug)")
    })

    it("a shipped order: the shopper is told where to send the goods back", async () => {
      const order = await placeOrder()
      const admin = await adminHeaders(api, getContainer())
      const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=*items`, admin)
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items: detail.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) }, admin)
      const { data: fulfilled } = await api.get(`/admin/orders/${order.id}?fields=*fulfillments`, admin)
      await api.post(`/admin/orders/${order.id}/fulfillments/${fulfilled.order.fulfillments[0].id}/shipments`, { items: detail.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) }, admin)

      const res = await withdraw({ order_number: String(order.display_id), email: "anouk@example.nl" })
      expect(res.data.withdrawal).toMatchObject({ situation: "shipped_unpaid", order_canceled: false })
      expect(res.data.withdrawal.next_steps.join(" ")).toContain("Stuur de artikelen binnen 14 dagen terug naar: Buurtpreventie Shop B.V., Voorbeeldstraat 1, 1234 AB Voorbeeldstad.")
      const { data: after } = await api.get(`/admin/orders/${order.id}?fields=status`, admin)
      expect(after.order.status).not.toBe("canceled")
    })

    it("answers a wrong e-mail address exactly like an order number that does not exist, and records nothing", async () => {
      const order = await placeOrder()
      const wrongEmail = await withdraw({ order_number: String(order.display_id), email: "iemand@example.nl" })
      const noSuchOrder = await withdraw({ order_number: String(order.display_id + 1000), email: "anouk@example.nl" })
      expect(wrongEmail.status).toBe(200)
      expect(wrongEmail.data).toEqual(NEUTRAL)
      expect(noSuchOrder.status).toBe(200)
      expect(noSuchOrder.data).toEqual(NEUTRAL)
      expect((await lookup({ order_number: String(order.display_id), email: "iemand@example.nl" })).data).toEqual(NEUTRAL)
      expect((await lookup({ order_number: "999999", email: "anouk@example.nl" })).data).toEqual(NEUTRAL)
      expect((await metadataOf(order.id))?.withdrawal).toBeUndefined()
      expect(withdrawalMails()).toHaveLength(0)
    })

    it("refuses in Dutch once 14 days after delivery have passed, and keeps the order as it was", async () => {
      const order = await placeOrder()
      const admin = await adminHeaders(api, getContainer())
      const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=*items`, admin)
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items: detail.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) }, admin)
      const { data: fulfilled } = await api.get(`/admin/orders/${order.id}?fields=*fulfillments`, admin)
      const fulfillment = fulfilled.order.fulfillments[0]
      await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillment.id}/mark-as-delivered`, {}, admin)

      // Delivered just now: the period is open until 14 days from today.
      const typed = { order_number: String(order.display_id), email: "anouk@example.nl" }
      expect((await lookup(typed)).data.order).toMatchObject({ may_withdraw: true, period_last_day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })

      // Back-date the delivery to 20 days ago.
      const deliveredAt = new Date(Date.now() - 20 * 24 * 60 * 60 * 1000)
      await getContainer().resolve(Modules.FULFILLMENT).updateFulfillment(fulfillment.id, { delivered_at: deliveredAt })
      const res = await withdraw(typed)
      expect(res.status).toBe(400)
      expect(res.data.type).toBe("not_allowed")
      expect(res.data.message).toMatch(/^De herroepingstermijn van deze bestelling is verlopen op \d{1,2} [a-z]+ \d{4} \(14 dagen na de bezorging\)\./)
      expect((await lookup(typed)).data.order).toMatchObject({ may_withdraw: false, withdrawn_at: null, refusal: res.data.message })
      expect((await metadataOf(order.id))?.withdrawal).toBeUndefined()
      expect(withdrawalMails()).toHaveLength(0)
    })

    it("is idempotent: a second confirmation, and two at once, keep the first time and send one e-mail", async () => {
      const order = await placeOrder()
      const typed = { order_number: String(order.display_id), email: "anouk@example.nl" }
      const [a, b] = await Promise.all([withdraw(typed), withdraw(typed)])
      expect([a.status, b.status]).toEqual([200, 200])
      expect(a.data.withdrawal.withdrawn_at).toBe(b.data.withdrawal.withdrawn_at)
      expect([a.data.withdrawal.already_withdrawn, b.data.withdrawal.already_withdrawn].sort()).toEqual([false, true])
      const again = await withdraw(typed)
      expect(again.data.withdrawal).toEqual({ ...a.data.withdrawal, already_withdrawn: true })
      expect(withdrawalMails().filter((m) => m.headers.to === "anouk@example.nl")).toHaveLength(1)
      const notifications = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: order.id })
      expect(notifications.filter((n) => n.template === "withdrawal-received")).toHaveLength(1)
    })

    it("refuses malformed input with a Dutch error per field", async () => {
      const res = await withdraw({ order_number: "abc", email: "geen-adres" })
      expect(res.status).toBe(400)
      expect(res.data.errors).toEqual({
        order_number: "Een bestelnummer bestaat alleen uit cijfers, bijvoorbeeld 1042.",
        email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
      })
      const empty = await withdraw({})
      expect(empty.status).toBe(400)
      expect(Object.keys(empty.data.errors).sort()).toEqual(["email", "order_number"])
    })

    it("limits guesses per visitor address: lookup and confirmation share 30 an hour, then a Dutch 429", async () => {
      // setup.js trusts loopback proxies, so X-Forwarded-For stands for distinct visitors here
      const from = (address: string) => ({ headers: { ...headers.headers, "x-forwarded-for": address } })
      const guess = (url: string, address: string, n: number) =>
        api.post(url, { order_number: String(900000 + n), email: "raden@example.nl" }, from(address)).catch((e: any) => e.response)
      for (let n = 0; n < 30; n++) {
        expect((await guess(n % 2 ? "/store/withdrawals" : "/store/withdrawals/lookup", "203.0.113.31", n)).status).toBeLessThan(429)
      }
      const refused = await guess("/store/withdrawals/lookup", "203.0.113.31", 30)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
      expect(refused.data.message).toMatch(/^Te veel aanvragen om te herroepen\. Probeer het over \d+ minuten? opnieuw\.$/)
      expect((await guess("/store/withdrawals/lookup", "203.0.113.32", 31)).status).toBeLessThan(429)
    })
  },
})
