/**
 * Orders paid on invoice by a municipality or organisation ("Op factuur"): checkout
 * through POST /store/invoice/carts/:id and the invoice payment provider, Dutch
 * errors per field, approval by staff before fulfilment, gap-free invoice numbers,
 * the invoice PDF by e-mail and the transfer registered later.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import zlib from "node:zlib"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { useSeededShop } from "../utils/seeded-shop"
import { readShopSettings } from "../../src/config/env"
import { expireInvoiceOrderWorkflow, processInvoiceApprovals } from "../../src/workflows/invoices/invoice-approval"
import {
  cartReadyForPayment,
  completeCart,
  readMails,
  regionId,
  startPayment,
  storeHeaders,
  waitFor,
  type StoreHeaders,
} from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-invoice-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.COMPANY_IBAN = "NL02 ABNA 0123 4567 89"
process.env.COMPANY_KVK = "87654321"
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
delete process.env.SMTP_URL
delete process.env.INVOICE_APPROVAL_REMINDER_DAYS
delete process.env.INVOICE_APPROVAL_EXPIRE_DAYS

const SIGN = "BORD-WAB-3045-ALU" // € 19,95 incl. btw, Pakketpost
const INVOICE = "pp_invoice_invoice"

const GEMEENTE = {
  organisation: "Gemeente Utrecht, afdeling Veiligheid",
  kvk_number: "3020 3410",
  vat_number: "nl 0017.34.539.b01",
  reference: "INK-2026-0042",
  invoice_email: "facturen@utrecht.example",
}

// pdfkit's built-in fonts use WinAnsi: Latin-1 plus € (0x80), en and em dash (0x96, 0x97).
const WIN_ANSI = { decode: (b: Buffer) => b.toString("latin1").replace(/\x80/g, "€").replace(/\x96/g, "–").replace(/\x97/g, "—") }

/** The text drawn in a PDF: inflates its streams and decodes pdfkit's hex strings (WinAnsi). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1")
  const out: string[] = []
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g
  for (let m; (m = streams.exec(raw)); ) {
    const bytes = Buffer.from(m[1], "latin1")
    let content: string
    try {
      content = zlib.inflateSync(bytes).toString("latin1")
    } catch {
      content = m[1]
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => WIN_ANSI.decode(Buffer.from(h[1], "hex"))).join(""))
    }
  }
  return out.join("\n")
}

/** The text/plain part of a multipart/mixed mail (text + PDF), decoded. */
function mailText(raw: string): string {
  const part = /Content-Type: text\/plain[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([^]*?)\r?\n--/.exec(raw)
  if (!part) return ""
  const [, head, body] = part
  if (/base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
  if (!/quoted-printable/i.test(head)) return body.replace(/\r\n/g, "\n")
  const bytes: number[] = []
  const text = body.replace(/=\r?\n/g, "")
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(text[i], "utf8"))
  }
  return Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n")
}

/** The PDF attachment of a mail written by the mail provider. */
function pdfAttachment(raw: string): Buffer | undefined {
  const part = /Content-Type: application\/pdf[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw)
  return part ? Buffer.from(part[1].replace(/\s+/g, ""), "base64") : undefined
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const fail = (e: any) => e.response ?? Promise.reject(e)
    const { store: headers, admin } = useSeededShop({
      api,
      getContainer,
      mailDir: MAIL_DIR,
      staffEmail: () => `beheer-${Math.random().toString(36).slice(2)}@buurtpreventie.test`,
    })

    async function cartFor(quantity = 3, email = "wijkmanager@utrecht.example") {
      return cartReadyForPayment(api, headers, getContainer(), { lines: [{ sku: SIGN, quantity }], email })
    }

    async function placeInvoiceOrder(details: Record<string, unknown> = GEMEENTE, quantity = 3) {
      const cart = await cartFor(quantity)
      const res = await api.post(`/store/invoice/carts/${cart.id}`, details, headers)
      expect(res.status).toBe(200)
      const { status, body } = await completeCart(api, headers, cart.id)
      expect([status, body.type]).toEqual([200, "order"])
      return body.order
    }

    async function orderMetadata(orderId: string) {
      const order = await getContainer().resolve(Modules.ORDER).retrieveOrder(orderId, { select: ["id", "metadata"] })
      return order.metadata as any
    }

    async function signItems(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
      return data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
    }

    async function invoiceMails() {
      const notifications = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "invoice" })
      return { notifications, files: readMails(MAIL_DIR).filter((m) => m.headers.subject?.startsWith("Factuur ")) }
    }

    it("offers Op factuur next to Betalen op rekening in both regions", async () => {
      for (const name of ["Nederland", "België"] as const) {
        const { data } = await api.get(`/store/payment-providers?region_id=${await regionId(api, headers, name)}`, headers)
        expect(data.payment_providers.map((p: any) => p.id).sort()).toEqual([INVOICE, "pp_system_default"])
      }
    })

    it("places an order on invoice: normalised organisation data on the order, awaiting approval, payment authorized", async () => {
      const order = await placeInvoiceOrder()
      const metadata = await orderMetadata(order.id)
      expect(metadata.invoice).toEqual({
        organisation: "Gemeente Utrecht, afdeling Veiligheid",
        kvk_number: "30203410",
        vat_number: "NL001734539B01",
        reference: "INK-2026-0042",
        invoice_email: "facturen@utrecht.example",
        status: "awaiting_approval",
      })
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["payment_collections.status", "payment_collections.payments.provider_id", "payment_collections.payments.captured_at", "payment_collections.payments.data"],
        filters: { id: order.id },
      })
      const collection = (data[0] as any).payment_collections[0]
      expect(collection.status).toBe("authorized")
      expect(collection.payments[0]).toMatchObject({ provider_id: INVOICE, captured_at: null })
      expect(collection.payments[0].data.invoice.kvk_number).toBe("30203410")

      const { data: state } = await api.get(`/admin/orders/${order.id}/invoice`, admin)
      expect(state).toMatchObject({ invoice_order: true, status: "awaiting_approval", may_fulfil: false, invoice: null })

      // The storefront's confirmation page reads it from the store API.
      const { data: stored } = await api.get(`/store/invoice/orders/${order.id}`, headers)
      expect(stored).toEqual({
        invoice: { organisation: GEMEENTE.organisation, invoice_email: GEMEENTE.invoice_email, status: "awaiting_approval" },
      })
      expect((await api.get(`/store/invoice/orders/order_bestaatniet`, headers).catch(fail)).status).toBe(404)
    })

    it("refuses bad organisation data with a Dutch error per field and changes nothing", async () => {
      const cart = await cartFor()
      const cases: [Record<string, unknown>, Record<string, string>][] = [
        [{ kvk_number: "12345678" }, { organisation: "Vul de naam van de gemeente of organisatie in" }],
        [{ organisation: "  ", kvk_number: "12345678" }, { organisation: "Vul de naam van de gemeente of organisatie in" }],
        [{ organisation: "Gemeente X", kvk_number: "1234567" }, { kvk_number: "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678" }],
        [{ organisation: "Gemeente X", kvk_number: "1234567a" }, { kvk_number: "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678" }],
        [{ organisation: "Gemeente X", vat_number: "NL123456789" }, { vat_number: "Vul een geldig btw-nummer in, bijvoorbeeld NL123456789B01 of BE0123456789" }],
        [{ organisation: "Gemeente X", vat_number: "BE2123456789" }, { vat_number: "Vul een geldig btw-nummer in, bijvoorbeeld NL123456789B01 of BE0123456789" }],
        [{ organisation: "Gemeente X", vat_number: "DE123456789" }, { vat_number: "Vul een geldig btw-nummer in, bijvoorbeeld NL123456789B01 of BE0123456789" }],
        [{ organisation: "Gemeente X" }, { kvk_number: "Vul een KvK-nummer of een btw-nummer in" }],
        [{ organisation: "Gemeente X", kvk_number: "", vat_number: " " }, { kvk_number: "Vul een KvK-nummer of een btw-nummer in" }],
        [{ organisation: "Gemeente X", kvk_number: "12345678", reference: "x".repeat(51) }, { reference: "Het inkoopnummer mag hoogstens 50 tekens lang zijn" }],
        [{ organisation: "Gemeente X", kvk_number: "12345678", invoice_email: "facturen@" }, { invoice_email: "Vul een geldig e-mailadres in voor de factuur, bijvoorbeeld facturen@gemeente.nl" }],
        [{ organisation: "x".repeat(201), kvk_number: "12345678" }, { organisation: "De naam van de organisatie mag hoogstens 200 tekens lang zijn" }],
        [{ organisation: "Gemeente X", kvk_number: "12345678", iban: "NL00" }, { iban: 'Onbekend veld "iban"' }],
      ]
      for (const [body, errors] of cases) {
        const res = await api.post(`/store/invoice/carts/${cart.id}`, body, headers).catch(fail)
        expect([res.status, res.data.type]).toEqual([400, "invalid_data"])
        expect(res.data.errors).toEqual(errors)
      }
      // Two problems at once: both reported.
      const both = await api.post(`/store/invoice/carts/${cart.id}`, { organisation: "", kvk_number: "12" }, headers).catch(fail)
      expect(Object.keys(both.data.errors).sort()).toEqual(["kvk_number", "organisation"])

      const { data } = await api.get(`/store/carts/${cart.id}?fields=+metadata,*payment_collection,*payment_collection.payment_sessions`, headers)
      expect(data.cart.metadata?.invoice).toBeUndefined()
      expect(data.cart.payment_collection?.payment_sessions ?? []).toEqual([])
    })

    it("refuses the invoice provider without organisation data, straight through Medusa's routes too", async () => {
      const cart = await cartFor()
      const bare = await startPayment(api, headers, cart.id, INVOICE).catch(fail)
      expect(bare.status).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(bare.data)).toContain("De factuurgegevens kloppen niet")

      // Valid data in the session but not on the cart: completing is refused, no order.
      await startPayment(api, headers, cart.id, INVOICE, { invoice: { organisation: "Gemeente X", kvk_number: "12345678" } })
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).not.toBe("order")
      expect(JSON.stringify(body)).toContain("De factuurgegevens ontbreken of kloppen niet")
    })

    it("switching to Betalen op rekening afterwards gives a normal order (the invoice data does not make it an invoice order)", async () => {
      const cart = await cartFor()
      await api.post(`/store/invoice/carts/${cart.id}`, GEMEENTE, headers)
      // The storefront removes the organisation data when another way to pay is chosen.
      await api.delete(`/store/invoice/carts/${cart.id}`, headers)
      const { data: cleared } = await api.get(`/store/carts/${cart.id}?fields=+metadata`, headers)
      expect(cleared.cart.metadata?.invoice).toBeUndefined()
      await startPayment(api, headers, cart.id, "pp_system_default")
      const { body } = await completeCart(api, headers, cart.id)
      expect(body.type).toBe("order")
      const { data: state } = await api.get(`/admin/orders/${body.order.id}/invoice`, admin)
      expect(state).toEqual({ invoice_order: false })
      expect((await api.get(`/store/invoice/orders/${body.order.id}`, headers)).data).toEqual({ invoice: null })
      const res = await api.post(`/admin/orders/${body.order.id}/fulfillments`, { items: await signItems(body.order.id) }, admin).catch(fail)
      expect(res.status).toBe(200)
    })

    it("refuses fulfilment before approval; approval issues the invoice, mails one PDF and allows fulfilment", async () => {
      const order = await placeInvoiceOrder(GEMEENTE, 3)
      const items = await signItems(order.id)

      const refused = await api.post(`/admin/orders/${order.id}/fulfillments`, { items }, admin).catch(fail)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("op factuur betaald en is nog niet goedgekeurd")
      const { data: none } = await api.get(`/admin/orders/${order.id}?fields=*fulfillments`, admin)
      expect(none.order.fulfillments).toEqual([])
      expect((await api.get(`/admin/orders/${order.id}/invoice/pdf`, admin).catch(fail)).status).toBe(404)

      // Staff only.
      expect((await api.post(`/admin/orders/${order.id}/invoice/approve`, {}).catch(fail)).status).toBe(401)

      const approved = await api.post(`/admin/orders/${order.id}/invoice/approve`, {}, admin)
      expect(approved.status).toBe(201)
      expect(approved.data.created).toBe(true)
      const number = approved.data.invoice.number
      expect(number).toMatch(/^F\d{6}$/)

      const metadata = await orderMetadata(order.id)
      expect(metadata.invoice).toMatchObject({ status: "approved", invoice_number: number, organisation: GEMEENTE.organisation })

      // One mail, to the invoice address, with the PDF.
      await waitFor(async () => (await invoiceMails()).files.length > 0, { what: "the invoice mail" })
      const { files, notifications } = await invoiceMails()
      expect(files).toHaveLength(1)
      expect(notifications.map((n) => n.status)).toEqual(["success"])
      const [mail] = files
      expect(mail.headers.to).toBe("facturen@utrecht.example")
      expect(mail.headers.subject).toBe(`Factuur ${number} voor bestelling #${order.display_id}`)
      const body = mailText(mail.raw)
      expect(body).toContain("je referentie: INK-2026-0042")
      expect(body).toContain("We vragen je het bedrag van")
      expect(body).not.toMatch(/\b(u|uw|Uw|Wij verzoeken)\b/)
      // 3 × € 19,95 + shipping, btw 21/121 of the total.
      const totalCents = Math.round(Number(order.total) * 100)
      const vatCents = Math.round((totalCents * 21) / 121)
      const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace(".", ",")}`
      expect(body).toContain(`${euro(totalCents)} (waarvan btw ${euro(vatCents)})`)

      const pdf = pdfAttachment(mail.raw)!
      expect(pdf).toBeDefined()
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      const text = pdfText(pdf)
      expect(text).toContain(number)
      expect(text).toContain("Gemeente Utrecht, afdeling Veiligheid")
      // "je", as the shop addresses everyone, on the invoice too.
      expect(text).toContain("Je referentie")
      expect(text.replace(/\s+/g, "")).toContain("Wevragenjehettotaalbedrag")
      expect(text).not.toMatch(/\b(u|uw|Uw|Wij verzoeken)\b/)
      expect(text).toContain("KvK 30203410")
      expect(text).toContain("Btw-nummer NL001734539B01")
      expect(text).toContain("INK-2026-0042")
      expect(text).toContain(`Btw 21% over ${euro(totalCents - vatCents)}`)
      expect(text).toContain(euro(vatCents))
      expect(text).toContain(euro(totalCents))
      expect(text.replace(/\s+/g, " ")).toContain("NL02 ABNA 0123 4567 89")

      // The storefront shows the same company as the invoice (one reader of COMPANY_*), without the IBAN.
      const { data: shown } = await api.get("/store/seller", headers)
      expect(shown.seller).toMatchObject({ kvk: "87654321" })
      expect(shown.seller).not.toHaveProperty("iban")
      for (const value of [shown.seller.name, `KvK ${shown.seller.kvk}`, shown.seller.btw]) expect(text).toContain(value)
      expect(text).toContain("binnen 30 dagen")

      // The same PDF can be downloaded again.
      const download = await api.get(`/admin/orders/${order.id}/invoice/pdf`, { ...admin, responseType: "arraybuffer" })
      expect(download.headers["content-type"]).toBe("application/pdf")
      expect(download.headers["content-disposition"]).toContain(`factuur-${number}.pdf`)
      const again = Buffer.from(download.data)
      expect(pdfText(again)).toBe(text)

      const fulfilled = await api.post(`/admin/orders/${order.id}/fulfillments`, { items }, admin)
      expect(fulfilled.status).toBe(200)
    })

    it("approving twice keeps one invoice and sends one mail", async () => {
      const order = await placeInvoiceOrder()
      const first = await api.post(`/admin/orders/${order.id}/invoice/approve`, {}, admin)
      const second = await api.post(`/admin/orders/${order.id}/invoice/approve`, {}, admin)
      expect(second.status).toBe(200)
      expect(second.data).toEqual({ invoice: first.data.invoice, created: false })
      await waitFor(async () => (await invoiceMails()).files.length > 0, { what: "the invoice mail" })
      await new Promise((r) => setTimeout(r, 300))
      expect((await invoiceMails()).files).toHaveLength(1)
      const invoices = await getContainer().resolve("invoice").listInvoices({ order_id: order.id })
      expect(invoices).toHaveLength(1)
    })

    it("numbers invoices consecutively without gaps under concurrent approvals", async () => {
      const orders: any[] = []
      for (let i = 0; i < 5; i++) orders.push(await placeInvoiceOrder(GEMEENTE, 1))
      const before = await getContainer().resolve("invoice").listInvoices({})
      const start = before.length ? Math.max(...before.map((i: any) => i.number)) : 0
      // Every order approved twice at the same time: ten concurrent approvals.
      const results = await Promise.all(
        [...orders, ...orders].map((o) => api.post(`/admin/orders/${o.id}/invoice/approve`, {}, admin).catch(fail))
      )
      expect(results.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true)
      expect(results.filter((r) => r.data.created)).toHaveLength(5)
      const numbers = results.slice(0, 5).map((r) => Number(r.data.invoice.number.slice(1)))
      expect(results.slice(5).map((r) => r.data.invoice.number)).toEqual(results.slice(0, 5).map((r) => r.data.invoice.number))
      expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5].map((n) => start + n))
      await waitFor(async () => (await invoiceMails()).notifications.filter((n) => n.status === "success").length === 5, {
        what: "five invoice mails",
      })
    })

    it("an approval whose mail fails is rolled back: still awaiting approval, number free for the retry", async () => {
      const order = await placeInvoiceOrder()
      const issued = await getContainer().resolve("invoice").listInvoices({})
      const next = `F${String((issued.length ? Math.max(...issued.map((i: any) => i.number)) : 0) + 1).padStart(6, "0")}`
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      // Only the invoice mail fails: the order-placed mails run on the event bus at the same time.
      const createNotifications = notifications.createNotifications.bind(notifications)
      const spy = jest.spyOn(notifications, "createNotifications").mockImplementation((async (data: any, ...rest: any[]) => {
        if ([data].flat().some((n: any) => n?.template === "invoice")) throw new Error("SMTP down")
        return (createNotifications as any)(data, ...rest)
      }) as any)
      try {
        const failed = await api.post(`/admin/orders/${order.id}/invoice/approve`, {}, admin).catch(fail)
        expect(failed.status).toBeGreaterThanOrEqual(400)
      } finally {
        spy.mockRestore()
      }
      expect((await orderMetadata(order.id)).invoice.status).toBe("awaiting_approval")
      expect(await getContainer().resolve("invoice").listInvoices({ order_id: order.id })).toHaveLength(0)
      const refused = await api.post(`/admin/orders/${order.id}/fulfillments`, { items: await signItems(order.id) }, admin).catch(fail)
      expect(refused.status).toBe(400)

      const retried = await api.post(`/admin/orders/${order.id}/invoice/approve`, {}, admin)
      expect(retried.status).toBe(201)
      expect(retried.data.invoice.number).toBe(next)
      expect((await orderMetadata(order.id)).invoice).toMatchObject({ status: "approved", invoice_number: next })
    })

    it("undoing a failed approval takes its number back only when it is the latest, so no gap appears", async () => {
      const invoices = getContainer().resolve("invoice")
      const issue = (order_id: string) => invoices.issueInvoice({ order_id, issued_at: new Date(), data: {} })
      const a = await issue("order_test_a")
      const b = await issue("order_test_b")
      expect(b.number).toBe(a.number + 1)
      // a is no longer the latest: it stays with its order and is reused when that order is approved again.
      expect(await invoices.withdrawInvoice(a.id)).toBe(false)
      expect(await issue("order_test_a")).toMatchObject({ id: a.id, number: a.number, created: false })
      // b is the latest: withdrawn, and the next invoice gets its number.
      expect(await invoices.withdrawInvoice(b.id)).toBe(true)
      expect(await issue("order_test_c")).toMatchObject({ number: b.number, created: true })
    })

    it("registers the transfer after approval: the payment is captured and the invoice paid", async () => {
      const order = await placeInvoiceOrder()
      const early = await api.post(`/admin/orders/${order.id}/invoice/payment`, {}, admin).catch(fail)
      expect(early.status).toBe(400)
      expect(early.data.message).toContain("Keur de factuur eerst goed")

      await api.post(`/admin/orders/${order.id}/invoice/approve`, {}, admin)
      const paid = await api.post(`/admin/orders/${order.id}/invoice/payment`, {}, admin)
      expect(paid.status).toBe(200)
      const { data: state } = await api.get(`/admin/orders/${order.id}/invoice`, admin)
      expect(state.status).toBe("paid")
      expect(state.payment.captured_at).toBeTruthy()
      const twice = await api.post(`/admin/orders/${order.id}/invoice/payment`, {}, admin).catch(fail)
      expect(twice.status).toBe(400)
    })

    // ---- orders staff leave unapproved expire (anyone can place one with a well-formed KvK number)

    const DAY = 24 * 60 * 60 * 1000
    const inDays = (days: number) => new Date(Date.now() + days * DAY)
    const nothing = { reminded: [], expired: [], failed: [] }

    async function availableSigns(): Promise<number> {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: SIGN })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      return Number(level.stocked_quantity) - Number(level.reserved_quantity)
    }
    const mailsAbout = (displayId: number) => readMails(MAIL_DIR).filter((m) => m.headers.subject?.includes(`#${displayId} op factuur`))

    it("an unapproved order on invoice: staff reminded after 3 days, cancelled after 7 with its stock released, the shopper mailed", async () => {
      const before = await availableSigns()
      const order = await placeInvoiceOrder(GEMEENTE, 3)
      expect(await availableSigns()).toBe(before - 3)

      expect(await processInvoiceApprovals(getContainer(), { now: inDays(2.9) })).toEqual(nothing)
      expect(await processInvoiceApprovals(getContainer(), { now: inDays(3.1) })).toEqual({ reminded: [order.id], expired: [], failed: [] })
      const [reminder, ...more] = mailsAbout(order.display_id)
      expect(more).toEqual([])
      expect(reminder.headers.to).toBe(readShopSettings().staffEmail)
      expect(reminder.headers.subject).toBe(`Bestelling #${order.display_id} op factuur wacht op goedkeuring`)
      expect(reminder.text).toContain(GEMEENTE.organisation)
      expect(reminder.text).toContain("automatisch geannuleerd")
      expect(reminder.text).toContain(`/orders/${order.id}`)
      expect((await orderMetadata(order.id)).invoice.approval_reminder_sent_at).toBeTruthy()
      expect(await availableSigns()).toBe(before - 3) // still held while staff may approve

      expect(await processInvoiceApprovals(getContainer(), { now: inDays(5) })).toEqual(nothing) // reminded once
      expect(await processInvoiceApprovals(getContainer(), { now: inDays(7.1) })).toEqual({ reminded: [], expired: [order.id], failed: [] })
      const { data } = await api.get(`/admin/orders/${order.id}?fields=status,*payment_collections`, admin)
      expect(data.order.status).toBe("canceled")
      expect(data.order.payment_collections[0].status).toBe("canceled")
      expect(await availableSigns()).toBe(before)
      const reservations = await getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      expect(reservations).toEqual([])
      const expired = mailsAbout(order.display_id).find((m) => m.headers.subject === `Bestelling #${order.display_id} op factuur is geannuleerd`)
      expect(expired?.headers.to).toBe("wijkmanager@utrecht.example")
      expect(expired?.text).toContain("Je ontvangt geen factuur en hoeft niets te betalen.")
      expect(expired?.text).toContain("- 3 × Straatbord WhatsApp-buurtpreventie")

      // Too late to approve; later runs leave it alone.
      const late = await api.post(`/admin/orders/${order.id}/invoice/approve`, {}, admin).catch(fail)
      expect(late.status).toBe(400)
      expect(await processInvoiceApprovals(getContainer(), { now: inDays(30) })).toEqual(nothing)
      expect(mailsAbout(order.display_id)).toHaveLength(2)
    })

    it("approval before the deadline stops the expiry, also when it lands between the job's list and the cancellation", async () => {
      const approved = await placeInvoiceOrder(GEMEENTE, 1)
      await api.post(`/admin/orders/${approved.id}/invoice/approve`, {}, admin)
      const paid = await placeInvoiceOrder(GEMEENTE, 1)
      await api.post(`/admin/orders/${paid.id}/invoice/approve`, {}, admin)
      await api.post(`/admin/orders/${paid.id}/invoice/payment`, {}, admin)

      expect(await processInvoiceApprovals(getContainer(), { now: inDays(30) })).toEqual(nothing)
      // (Medusa rethrows the step's error as a plain object: match its message.)
      await expect(expireInvoiceOrderWorkflow(getContainer()).run({ input: { order_id: approved.id } })).rejects.toMatchObject({
        message: "Deze bestelling op factuur wacht niet meer op goedkeuring.",
      })
      for (const order of [approved, paid]) {
        const { data } = await api.get(`/admin/orders/${order.id}?fields=status`, admin)
        expect(data.order.status).toBe("pending")
      }
    })

    it("uses the configured deadlines (INVOICE_APPROVAL_REMINDER_DAYS / INVOICE_APPROVAL_EXPIRE_DAYS)", async () => {
      const order = await placeInvoiceOrder(GEMEENTE, 1)
      process.env.INVOICE_APPROVAL_REMINDER_DAYS = "1"
      process.env.INVOICE_APPROVAL_EXPIRE_DAYS = "2"
      try {
        expect(await processInvoiceApprovals(getContainer(), { now: inDays(1.1) })).toEqual({ reminded: [order.id], expired: [], failed: [] })
        expect(await processInvoiceApprovals(getContainer(), { now: inDays(2.1) })).toEqual({ reminded: [], expired: [order.id], failed: [] })
      } finally {
        delete process.env.INVOICE_APPROVAL_REMINDER_DAYS
        delete process.env.INVOICE_APPROVAL_EXPIRE_DAYS
      }
    })
  },
})
