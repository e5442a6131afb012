import { escapeHtml, formatDateNl } from "../../lib/html"
import type { InvoiceDocument } from "../../modules/invoice/document"
import { formatEuro } from "../../lib/money"
import type { RenderedMail } from "../../modules/notification-mail/templates"

/** A composed mail (subject, text, html), as the "email" provider sends it. */
export type MailContent = RenderedMail

/** The mail that carries the invoice PDF, in Dutch, addressing the buyer with "je" as the whole shop does. */
export function invoiceMail(invoice: InvoiceDocument): MailContent {
  const subject = `Factuur ${invoice.number} voor bestelling #${invoice.order.display_id ?? ""}`
  const paragraphs = [
    "Hallo,",
    `Je bestelling #${invoice.order.display_id ?? ""} voor ${invoice.buyer.organisation} is goedgekeurd. In de bijlage vind je factuur ${invoice.number}${invoice.buyer.reference ? ` (je referentie: ${invoice.buyer.reference})` : ""}.`,
    `We vragen je het bedrag van ${formatEuro(invoice.totals.total_incl)} (waarvan btw ${formatEuro(invoice.totals.total_vat)}) binnen ${invoice.payment_term_days} dagen, uiterlijk ${formatDateNl(invoice.due_at)}, over te maken op IBAN ${invoice.seller.iban} ten name van ${invoice.seller.name}, onder vermelding van ${invoice.number}.`,
    "De bestelling wordt nu ingepakt en verzonden.",
    `Met vriendelijke groet,\n${invoice.seller.name}`,
  ]
  return {
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n"),
  }
}
