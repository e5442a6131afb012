/**
 * The mails of an order on invoice that staff leave unapproved (src/workflows/invoices/invoice-approval.ts),
 * in Dutch: staff are reminded while there is time, the shopper hears when the order expired.
 * Pure functions, like the other templates: the workflow sends `content` through the Notification Module.
 */
import { escapeHtml, formatDateNl } from "../../lib/html"
import { formatMoney } from "../../lib/money"
import { itemLineText, type ItemLine } from "../../lib/order-items"
import type { RenderedMail } from "../../modules/notification-mail/templates"

export const INVOICE_APPROVAL_REMINDER_TEMPLATE = "invoice-approval-reminder"
export const INVOICE_ORDER_EXPIRED_TEMPLATE = "invoice-order-expired"

const SHOP_NAME = "Buurtpreventie Shop"

/** Paragraphs as plain text and as simple HTML; the item list follows the first paragraph. */
function compose(subject: string, paragraphs: string[], items: ItemLine[]): RenderedMail {
  const [first, ...rest] = paragraphs
  const text = [first, items.map((i) => `- ${itemLineText(i)}`).join("\n"), ...rest].filter(Boolean).join("\n\n") + "\n"
  const html = [
    `<p>${escapeHtml(first).replace(/\n/g, "<br>")}</p>`,
    items.length ? `<ul>\n${items.map((i) => `<li>${escapeHtml(itemLineText(i))}</li>`).join("\n")}\n</ul>` : "",
    ...rest.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`),
  ]
    .filter(Boolean)
    .join("\n")
  return { subject, text, html }
}

export type InvoiceApprovalReminderData = {
  display_id: number | string
  organisation: string
  email: string
  placed_at: string
  /** When the order expires unless approved. */
  expires_at: string
  order_url: string
  items: ItemLine[]
}

/** To staff: approve (or cancel) before the order expires on its own. */
export function invoiceApprovalReminder(data: InvoiceApprovalReminderData): RenderedMail {
  const subject = `Bestelling #${data.display_id} op factuur wacht op goedkeuring`
  return compose(
    subject,
    [
      `Bestelling #${data.display_id} van ${formatDateNl(data.placed_at)} wordt op factuur betaald door ${data.organisation} (${data.email}) en is nog niet goedgekeurd. De artikelen blijven zolang gereserveerd:`,
      `Keur de bestelling goed in de admin (widget "Factuur" op de bestelling) als de organisatie klopt. Is ze op ${formatDateNl(data.expires_at, true)} nog niet goedgekeurd, dan wordt ze automatisch geannuleerd, komen de artikelen weer vrij en krijgt de klant daarover een e-mail.`,
      `Bekijken: ${data.order_url}`,
    ],
    data.items
  )
}

export type InvoiceOrderExpiredData = {
  display_id: number | string
  first_name?: string | null
  organisation: string
  placed_at: string
  total: number
  currency_code?: string | null
  items: ItemLine[]
}

/** To the shopper: the order was not approved in time and is cancelled; nothing will be invoiced. */
export function invoiceOrderExpired(data: InvoiceOrderExpiredData): RenderedMail {
  const subject = `Bestelling #${data.display_id} op factuur is geannuleerd`
  const hello = data.first_name?.trim() ? `Hallo ${data.first_name.trim()},` : "Hallo,"
  return compose(
    subject,
    [
      `${hello}\n\nJe bestelling #${data.display_id} van ${formatDateNl(data.placed_at)} op factuur voor ${data.organisation} (${formatMoney(Number(data.total), data.currency_code ?? "eur")}) hebben we niet op tijd kunnen goedkeuren. We hebben haar daarom geannuleerd. Het ging om:`,
      "Je ontvangt geen factuur en hoeft niets te betalen. Wil je de artikelen nog steeds, bestel ze dan opnieuw in de winkel, of antwoord op deze e-mail als je vragen hebt.",
      `Met vriendelijke groet,\n${SHOP_NAME}`,
    ],
    data.items
  )
}
