/**
 * E-mails of the EU withdrawal function ("Herroepen", Directive (EU) 2023/2673) and of
 * unpaid orders on account, in Dutch. Pure functions like templates.ts; the workflows
 * in src/workflows/orders render them and send `content` through the Notification
 * Module. The shopper's acknowledgement is the "durable medium" the directive asks
 * for: it states the date and time at which the withdrawal was received.
 */
import { escapeHtml as esc, formatDateNl } from "../../lib/html"
import { formatMoney } from "../../lib/money"
import { itemLineText, type ItemLine } from "../../lib/order-items"
import { paymentReference } from "../../lib/payment-on-account"
import type { RenderedMail } from "./templates"

export const WITHDRAWAL_RECEIVED_TEMPLATE = "withdrawal-received"
export const WITHDRAWAL_STAFF_TEMPLATE = "withdrawal-staff-alert"
export const UNPAID_ORDER_REMINDER_TEMPLATE = "unpaid-order-reminder"
export const UNPAID_ORDER_CANCELLED_TEMPLATE = "unpaid-order-cancelled"

const SHOP_NAME = "Buurtpreventie Shop"

function page(title: string, paragraphs: string[], items: ItemLine[] = []): string {
  const list = items.length ? `<ul>\n${items.map((i) => `<li>${esc(itemLineText(i))}</li>`).join("\n")}\n</ul>\n` : ""
  const [first, ...rest] = paragraphs
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="font-family:sans-serif;color:#1f2937">
<h1 style="font-size:20px">${esc(title)}</h1>
${first ? `<p>${esc(first)}</p>\n` : ""}${list}${rest.map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`).join("\n")}
</body>
</html>
`
}

function text(paragraphs: string[], items: ItemLine[] = []): string {
  const [first, ...rest] = paragraphs
  return [first, ...(items.length ? [items.map((i) => `- ${itemLineText(i)}`).join("\n")] : []), ...rest].join("\n\n") + "\n"
}

// ---------------------------------------------------------------- withdrawal (shopper)

export type WithdrawalReceivedData = {
  display_id: number | string
  /** ISO timestamp at which the shop received the withdrawal. */
  withdrawn_at: string
  first_name?: string | null
  items: ItemLine[]
  /** What happens next for this order's state (workflows/orders/withdrawal-outcome.ts). */
  next_steps: string[]
}

export function withdrawalReceived(data: WithdrawalReceivedData): RenderedMail {
  const subject = `Bevestiging van je herroeping: bestelling #${data.display_id}`
  const when = formatDateNl(data.withdrawn_at, true)
  const paragraphs = [
    `${data.first_name?.trim() ? `Hallo ${data.first_name.trim()},` : "Hallo,"}\n\nWe hebben je herroeping van de overeenkomst voor bestelling #${data.display_id} ontvangen op ${when} (Nederlandse tijd). Deze e-mail is je bevestiging; bewaar hem goed. De herroeping geldt voor:`,
    "Wat nu?",
    data.next_steps.map((step) => `- ${step}`).join("\n"),
    `Met vriendelijke groet,\n${SHOP_NAME}`,
  ]
  return { subject, text: text(paragraphs, data.items), html: page(subject, paragraphs, data.items) }
}

// ---------------------------------------------------------------- withdrawal (staff)

export type WithdrawalStaffData = {
  display_id: number | string
  withdrawn_at: string
  email: string
  order_url: string
  /** What staff do for this order's state (workflows/orders/withdrawal-outcome.ts). */
  todo: string
}

export function withdrawalStaffAlert(data: WithdrawalStaffData): RenderedMail {
  const subject = `Herroeping ontvangen: bestelling #${data.display_id}`
  const paragraphs = [
    `De klant (${data.email}) heeft de overeenkomst voor bestelling #${data.display_id} herroepen op ${formatDateNl(data.withdrawn_at, true)}.`,
    data.todo,
    `Bekijken: ${data.order_url}`,
  ]
  return { subject, text: text(paragraphs), html: page(subject, paragraphs) }
}

// ---------------------------------------------------------------- unpaid orders on account

export type UnpaidOrderData = {
  display_id: number | string
  first_name?: string | null
  total: number
  currency_code?: string | null
  /** ISO timestamp of the order. */
  placed_at: string
  /** ISO timestamp from which the order is cancelled when still unpaid. */
  cancel_at: string
  iban: string
  /** Account holder of the IBAN (COMPANY_NAME). */
  payee: string
  items: ItemLine[]
}

const hello = (name?: string | null) => (name?.trim() ? `Hallo ${name.trim()},` : "Hallo,")

export function unpaidOrderReminder(data: UnpaidOrderData): RenderedMail {
  const amount = formatMoney(Number(data.total), data.currency_code ?? "eur")
  const subject = `Herinnering: bestelling #${data.display_id} is nog niet betaald`
  const paragraphs = [
    `${hello(data.first_name)}\n\nOp ${formatDateNl(data.placed_at)} bestelde je bij ${SHOP_NAME} met "Betalen op rekening". We hebben je betaling van ${amount} nog niet ontvangen. We houden deze artikelen voor je apart:`,
    `Maak ${amount} over naar ${data.iban} ten name van ${data.payee}, met bestelnummer ${paymentReference(data.display_id)} als omschrijving.`,
    `Is het bedrag op ${formatDateNl(data.cancel_at)} nog niet binnen, dan annuleren we de bestelling en geven we de artikelen weer vrij. Heb je al betaald, dan kun je deze e-mail negeren.`,
    `Met vriendelijke groet,\n${SHOP_NAME}`,
  ]
  return { subject, text: text(paragraphs, data.items), html: page(subject, paragraphs, data.items) }
}

export function unpaidOrderCancelled(data: Omit<UnpaidOrderData, "cancel_at" | "iban" | "payee">): RenderedMail {
  const amount = formatMoney(Number(data.total), data.currency_code ?? "eur")
  const subject = `Bestelling #${data.display_id} is geannuleerd`
  const paragraphs = [
    `${hello(data.first_name)}\n\nWe hebben de betaling van ${amount} voor je bestelling van ${formatDateNl(data.placed_at)} niet ontvangen en de bestelling daarom geannuleerd. Het ging om:`,
    `Je hoeft niets meer te betalen. Heb je het bedrag toch net overgemaakt (omschrijving ${paymentReference(data.display_id)}), dan betalen we het terug; laat het ons even weten door op deze e-mail te antwoorden. Wil je de artikelen nog steeds, bestel ze dan opnieuw in de winkel.`,
    `Met vriendelijke groet,\n${SHOP_NAME}`,
  ]
  return { subject, text: text(paragraphs, data.items), html: page(subject, paragraphs, data.items) }
}
