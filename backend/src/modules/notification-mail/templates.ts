/**
 * The shop's e-mail templates, in Dutch. Pure functions from a template's data to
 * subject, plain text and a simple HTML part; the mail provider renders them and
 * nodemailer turns them into a message. Amounts are major units as Medusa v2 stores
 * them (12.95 is € 12,95).
 */

import { addressLines, escapeHtml as esc, formatDateNl, type AddressLike } from "../../lib/html"
import { formatMoney } from "../../lib/money"
import { itemLineText } from "../../lib/order-items"

export type RenderedMail = { subject: string; text: string; html: string }

export type MailAddress = AddressLike

/** Data of the "order-placed" template (built by src/workflows/send-order-confirmation.ts). */
export type OrderPlacedData = {
  display_id: number | string
  currency_code?: string | null
  items: { title: string; variant_title?: string | null; quantity: number; unit_price: number; total: number }[]
  shipping_methods: { name: string; total: number }[]
  item_total: number
  shipping_total: number
  tax_total: number
  total: number
  shipping_address?: MailAddress | null
  /** The storefront's "Herroepen" page for this order (EU withdrawal function); omitted: no paragraph. */
  withdrawal_url?: string | null
  /** "Betalen op rekening": the bank transfer (src/lib/payment-on-account.ts); the invoice PDF is attached. */
  payment_on_account?: {
    amount: number
    iban: string
    account_name: string
    reference: string
    /** ISO timestamp. */
    due_at: string
    /** "F000042", when the invoice is attached. */
    invoice_number?: string | null
  } | null
}

export const ORDER_PLACED_TEMPLATE = "order-placed"

const SHOP_NAME = "Buurtpreventie Shop"
const WITHDRAWAL_SENTENCE = "Bedenk je je? Je kunt de overeenkomst zonder opgave van reden herroepen tot 14 dagen nadat je de bestelling hebt ontvangen."


export function renderTemplate(template: string, data: Record<string, unknown>): RenderedMail {
  switch (template) {
    case ORDER_PLACED_TEMPLATE:
      return orderPlaced(data as unknown as OrderPlacedData)
    default:
      throw new Error(`Unknown e-mail template "${template}"`)
  }
}

/** The bank transfer of an order "op rekening", as label/value rows (text and HTML). */
function transferRows(order: OrderPlacedData, money: (amount: number) => string): [string, string][] {
  const p = order.payment_on_account
  if (!p) return []
  return [
    ["Bedrag", money(p.amount)],
    ["IBAN", p.iban],
    ["Ten name van", p.account_name],
    ["Omschrijving (betalingskenmerk)", p.reference],
    ["Uiterlijk betalen op", formatDateNl(p.due_at)],
  ]
}

function transferIntro(order: OrderPlacedData): string {
  const invoice = order.payment_on_account?.invoice_number
  return `Je betaalt op rekening. Maak het bedrag over met deze gegevens${invoice ? `; de factuur (${invoice}) zit als pdf bij deze e-mail` : ""}. We versturen je bestelling zodra je betaling binnen is.`
}

export function orderPlaced(order: OrderPlacedData): RenderedMail {
  const money = (amount: number) => formatMoney(Number(amount), order.currency_code ?? "eur")
  const subject = `Bedankt voor je bestelling #${order.display_id}`
  const name = order.shipping_address?.first_name?.trim()
  const greeting = name ? `Hallo ${name},` : "Hallo,"
  const shippingName = order.shipping_methods.map((m) => m.name).join(" + ")
  const address = addressLines(order.shipping_address)

  const text = [
    greeting,
    "",
    `Bedankt voor je bestelling bij ${SHOP_NAME}. We hebben bestelling #${order.display_id} ontvangen en gaan ermee aan de slag.`,
    "",
    "Je bestelling:",
    ...order.items.map((i) => `- ${itemLineText(i)}: ${money(i.total)} (${money(i.unit_price)} per stuk)`),
    "",
    `Artikelen: ${money(order.item_total)}`,
    `Verzending${shippingName ? ` (${shippingName})` : ""}: ${money(order.shipping_total)}`,
    `Totaal: ${money(order.total)}`,
    `Inclusief btw: ${money(order.tax_total)}`,
    ...(order.payment_on_account
      ? ["", "Betalen op rekening", transferIntro(order), ...transferRows(order, money).map(([label, value]) => `${label}: ${value}`)]
      : []),
    ...(address.length ? ["", "Verzendadres:", ...address] : []),
    ...(order.withdrawal_url ? ["", `${WITHDRAWAL_SENTENCE} Overeenkomst herroepen: ${order.withdrawal_url}`] : []),
    "",
    "Met vriendelijke groet,",
    SHOP_NAME,
    "",
  ].join("\n")

  const rows = order.items
    .map(
      (i) =>
        `<tr><td>${esc(itemLineText(i))}</td><td style="text-align:right">${esc(money(i.unit_price))}</td><td style="text-align:right">${esc(money(i.total))}</td></tr>`
    )
    .join("\n")
  const sum = (label: string, amount: number, strong = false) =>
    `<tr><td colspan="2">${strong ? `<strong>${esc(label)}</strong>` : esc(label)}</td><td style="text-align:right">${strong ? `<strong>${esc(money(amount))}</strong>` : esc(money(amount))}</td></tr>`
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:sans-serif;color:#1f2937">
<h1 style="font-size:20px">${esc(subject)}</h1>
<p>${esc(greeting)}</p>
<p>Bedankt voor je bestelling bij ${esc(SHOP_NAME)}. We hebben bestelling #${esc(String(order.display_id))} ontvangen en gaan ermee aan de slag.</p>
<table cellpadding="4" style="border-collapse:collapse">
<thead><tr><th style="text-align:left">Artikel</th><th style="text-align:right">Per stuk</th><th style="text-align:right">Bedrag</th></tr></thead>
<tbody>
${rows}
${sum("Artikelen", order.item_total)}
${sum(`Verzending${shippingName ? ` (${shippingName})` : ""}`, order.shipping_total)}
${sum("Totaal", order.total, true)}
${sum("Inclusief btw", order.tax_total)}
</tbody>
</table>
${order.payment_on_account ? `<h2 style="font-size:16px">Betalen op rekening</h2>\n<p>${esc(transferIntro(order))}</p>\n<table cellpadding="4" style="border-collapse:collapse">\n${transferRows(order, money).map(([label, value]) => `<tr><th style="text-align:left">${esc(label)}</th><td>${esc(value)}</td></tr>`).join("\n")}\n</table>\n` : ""}${address.length ? `<h2 style="font-size:16px">Verzendadres</h2>\n<p>${address.map(esc).join("<br>")}</p>` : ""}
${order.withdrawal_url ? `<p>${esc(WITHDRAWAL_SENTENCE)} <a href="${esc(order.withdrawal_url)}">Overeenkomst herroepen</a></p>\n` : ""}<p>Met vriendelijke groet,<br>${esc(SHOP_NAME)}</p>
</body>
</html>
`
  return { subject, text, html }
}
