/**
 * "Betalen op rekening" (Medusa's manual provider): the confirmation mail and the
 * order page's status route give the bank transfer (amount, IBAN, account name,
 * reference = order number, due date), and the mail carries the invoice PDF, numbered
 * in the shop's one invoice series, naming the same order. Real store API, real
 * database, the mail read back from MAIL_DIR.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import zlib from "node:zlib"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { seedShop } from "../../src/seed/seed-shop"
import { adminHeaders } from "../utils/admin"
import { cartReadyForPayment, completeCart, confirmationMails, startPayment, storeHeaders, type StoreHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-on-account-"))
process.env.MAIL_DIR = MAIL_DIR
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL

const SIGN = "BORD-WAB-3045-ALU"
const IBAN = "NL91 ABNA 0417 1643 00"
const nbsp = (text: string) => text.replace(/\u00a0/g, " ")

/** The text pdfkit drew (its streams inflated, hex strings decoded as WinAnsi). */
function pdfText(pdf: Buffer): string {
  const out: string[] = []
  for (const m of pdf.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content = m[1]
    try {
      content = zlib.inflateSync(Buffer.from(m[1], "latin1")).toString("latin1")
    } catch {
      // not compressed
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], "hex").toString("latin1").replace(/\x80/g, "€")).join(""))
    }
  }
  return out.join("\n")
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: StoreHeaders

    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      headers = await storeHeaders(getContainer())
    })
    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    it("mails and shows the transfer details with the order number as reference, and attaches the invoice PDF", async () => {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity: 2 }], email: "piet@example.nl" })
      await startPayment(api, headers, cart.id, "pp_system_default")
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).toBe("order")
      const order = body.order
      const due = new Date(new Date(order.created_at).getTime() + 14 * 24 * 60 * 60 * 1000)

      const { data: status } = await api.get(`/store/order-status/${order.id}`, headers)
      expect(status).toEqual({
        canceled: false,
        withdrawal: null,
        payment_on_account: {
          amount: Number(order.total),
          currency_code: "eur",
          iban: IBAN,
          account_name: "Buurtpreventie Shop B.V.",
          reference: String(order.display_id),
          due_at: due.toISOString(),
        },
      })

      const [mail] = await confirmationMails(getContainer(), MAIL_DIR, order.id)
      const dueDay = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(due)
      const amount = nbsp(new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(Number(order.total)))
      const text = nbsp(mail.text)
      expect(text).toContain(`Bedrag: ${amount}`)
      expect(text).toContain(`IBAN: ${IBAN}`)
      expect(text).toContain("Ten name van: Buurtpreventie Shop B.V.")
      expect(text).toContain(`Omschrijving (betalingskenmerk): ${order.display_id}`)
      expect(text).toContain(`Uiterlijk betalen op: ${dueDay}`)
      expect(text).toContain(`herroepen?bestelling=${order.display_id}&email=piet%40example.nl`)
      const invoiceNumber = /de factuur \((F\d{6})\) zit als pdf bij deze e-mail/.exec(text)?.[1]
      expect(invoiceNumber).toBeDefined()

      const attachment = /Content-Type: application\/pdf; name="?([^"\s;]+)"?[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail.raw)
      expect(attachment?.[1]).toBe(`factuur-${invoiceNumber}.pdf`)
      const pdf = Buffer.from(attachment![2].replace(/\s+/g, ""), "base64")
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      const drawn = nbsp(pdfText(pdf))
      expect(drawn).toContain(invoiceNumber!)
      expect(drawn).toContain(`#${order.display_id}`)
      expect(drawn).toContain(amount)
      expect(drawn.replace(/\s+/g, "")).toContain(IBAN.replace(/\s+/g, ""))
      // the transfer's reference is the order number, as on the page and in the mail
      expect(drawn.replace(/\s+/g, "")).toContain(`ondervermeldingvanbestelnummer${order.display_id}.`)
      expect(drawn).toContain("Anouk") // the shopper is the buyer
    })

    it("staff see an unpaid order on account as not paid, on the order and above the list, until 'Betaling ontvangen' captures it through Medusa", async () => {
      const cart = await cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity: 1 }], email: "kees@example.nl" })
      await startPayment(api, headers, cart.id, "pp_system_default")
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).toBe("order")
      const order = body.order
      const staff = await adminHeaders(api, getContainer(), `kassa-${Date.now()}@buurtpreventie.test`)
      const due = new Date(new Date(order.created_at).getTime() + 14 * 24 * 60 * 60 * 1000).toISOString()

      // Medusa itself calls the payment authorised; our state says it is still open.
      const { data: medusa } = await api.get(`/admin/orders/${order.id}?fields=payment_status`, staff)
      expect(medusa.order.payment_status).toBe("authorized")
      const { data: before } = await api.get(`/admin/orders/${order.id}/payment-on-account`, staff)
      expect(before).toMatchObject({ on_account: true, open: true, paid: false, amount: Number(order.total), reference: String(order.display_id), due_at: due })
      const { data: list } = await api.get("/admin/unpaid-on-account", staff)
      expect(list.orders).toContainEqual(expect.objectContaining({ order_id: order.id, display_id: order.display_id, due_at: due, reference: String(order.display_id) }))

      // Only staff: without a login the routes answer 401.
      await expect(api.get("/admin/unpaid-on-account")).rejects.toMatchObject({ response: { status: 401 } })
      await expect(api.post(`/admin/orders/${order.id}/payment-on-account/payment`, {})).rejects.toMatchObject({ response: { status: 401 } })

      const { data: after } = await api.post(`/admin/orders/${order.id}/payment-on-account/payment`, {}, staff)
      expect(after).toMatchObject({ on_account: true, open: false, paid: true })
      const { data: paid } = await api.get(`/admin/orders/${order.id}?fields=payment_status,payment_collections.payments.captured_at`, staff)
      expect(paid.order.payment_status).toBe("captured")
      expect(paid.order.payment_collections[0].payments[0].captured_at).toBeTruthy()
      const { data: listAfter } = await api.get("/admin/unpaid-on-account", staff)
      expect(listAfter.orders.map((o: any) => o.order_id)).not.toContain(order.id)

      // A second press is refused in Dutch, not captured twice.
      const again = await api.post(`/admin/orders/${order.id}/payment-on-account/payment`, {}, staff).catch((e: any) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.message).toBe("De betaling van deze bestelling is al geregistreerd.")
      const missing = await api.get("/admin/orders/order_bestaat_niet/payment-on-account", staff).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
      expect(missing.data.message).toBe("Deze bestelling bestaat niet.")
    })
  },
})
