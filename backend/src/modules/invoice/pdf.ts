import PDFDocument from "pdfkit"
import { formatDateNl } from "../../lib/html"
import type { InvoiceDocument } from "./document"
import { unitPriceExclText } from "./totals"
import { formatEuro } from "../../lib/money"

const MARGIN = 50
const PAGE_WIDTH = 595.28 // A4
const CONTENT = PAGE_WIDTH - 2 * MARGIN

/**
 * The invoice as a PDF (A4, Dutch): seller, buyer organisation with KvK/btw
 * number and reference, invoice number and dates, lines with quantity, unit price
 * excl. btw and amount excl. btw, shipping, btw specified per rate, totals
 * excl./btw/incl., payment term and IBAN. pdfkit's built-in Helvetica has € and
 * Dutch accents (WinAnsi), so no font files are shipped.
 */
export function renderInvoicePdf(invoice: InvoiceDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: options.compress ?? true,
    lang: "nl-NL",
    info: {
      Title: `Factuur ${invoice.number}`,
      Author: invoice.seller.name,
      Subject: `Factuur ${invoice.number} voor bestelling #${invoice.order.display_id ?? ""}`,
      // The issue date, so a re-download is the same document.
      CreationDate: new Date(invoice.issued_at),
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })

  const { seller, buyer, totals } = invoice
  const money = (cents: number) => formatEuro(cents)

  // Seller, top right.
  doc.font("Helvetica-Bold").fontSize(20).text("Factuur", MARGIN, MARGIN)
  doc.font("Helvetica").fontSize(9)
  const sellerLines = [
    seller.name,
    seller.address,
    `${seller.postcode} ${seller.city}`,
    `KvK ${seller.kvk}`,
    `Btw-nummer ${seller.btw}`,
    seller.email,
    seller.phone,
  ]
  doc.text(sellerLines.join("\n"), MARGIN + CONTENT / 2, MARGIN, { width: CONTENT / 2, align: "right" })

  // Buyer, left.
  let y = MARGIN + 110
  doc.font("Helvetica-Bold").fontSize(10).text("Factuur aan", MARGIN, y)
  doc.font("Helvetica").fontSize(10)
  const buyerLines = [
    buyer.organisation,
    ...buyer.address_lines,
    buyer.kvk_number ? `KvK ${buyer.kvk_number}` : "",
    buyer.vat_number ? `Btw-nummer ${buyer.vat_number}` : "",
  ].filter(Boolean)
  doc.text(buyerLines.join("\n"), MARGIN, y + 14, { width: CONTENT / 2 - 10 })

  // Invoice facts, right.
  const facts: [string, string][] = [
    ["Factuurnummer", invoice.number],
    ["Factuurdatum", formatDateNl(invoice.issued_at)],
    ["Vervaldatum", formatDateNl(invoice.due_at)],
    ["Bestelling", `#${invoice.order.display_id ?? ""}`],
    ["Besteldatum", formatDateNl(invoice.order.created_at)],
    ...(buyer.reference ? ([["Je referentie", buyer.reference]] as [string, string][]) : []),
  ]
  let fy = y
  for (const [label, value] of facts) {
    doc.font("Helvetica-Bold").text(label, MARGIN + CONTENT / 2, fy, { width: 100 })
    doc.font("Helvetica").text(value, MARGIN + CONTENT / 2 + 100, fy, { width: CONTENT / 2 - 100, align: "right" })
    fy += 14
  }
  y = Math.max(doc.y, fy) + 24

  // Lines.
  const cols = { desc: MARGIN, qty: MARGIN + 250, unit: MARGIN + 290, vat: MARGIN + 370, total: MARGIN + 410 }
  const header = (at: number) => {
    doc.font("Helvetica-Bold").fontSize(9)
    doc.text("Omschrijving", cols.desc, at, { width: 245 })
    doc.text("Aantal", cols.qty, at, { width: 35, align: "right" })
    doc.text("Prijs excl. btw", cols.unit, at, { width: 75, align: "right" })
    doc.text("Btw", cols.vat, at, { width: 35, align: "right" })
    doc.text("Bedrag excl. btw", cols.total, at, { width: CONTENT - 410, align: "right" })
    doc.moveTo(MARGIN, at + 13).lineTo(MARGIN + CONTENT, at + 13).lineWidth(0.5).stroke()
    return at + 18
  }
  y = header(y)
  doc.font("Helvetica").fontSize(9)
  for (const line of totals.lines) {
    const description = [line.title, line.description].filter(Boolean).join(" – ")
    const height = doc.heightOfString(description, { width: 245 })
    if (y + height > 760) {
      doc.addPage()
      y = header(MARGIN)
      doc.font("Helvetica").fontSize(9)
    }
    doc.text(description, cols.desc, y, { width: 245 })
    doc.text(String(line.quantity), cols.qty, y, { width: 35, align: "right" })
    doc.text(unitPriceExclText(line), cols.unit, y, { width: 75, align: "right" })
    doc.text(`${line.vat_rate}%`, cols.vat, y, { width: 35, align: "right" })
    doc.text(money(line.total_excl), cols.total, y, { width: CONTENT - 410, align: "right" })
    y += Math.max(height, 11) + 5
  }
  doc.moveTo(MARGIN, y).lineTo(MARGIN + CONTENT, y).lineWidth(0.5).stroke()
  y += 8

  // Totals with btw per rate.
  if (y > 680) {
    doc.addPage()
    y = MARGIN
  }
  const totalRow = (label: string, value: string, bold = false) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 10 : 9)
    doc.text(label, cols.unit - 60, y, { width: 215, align: "right" })
    doc.text(value, cols.total, y, { width: CONTENT - 410, align: "right" })
    y += bold ? 16 : 13
  }
  totalRow("Totaal excl. btw", money(totals.total_excl))
  for (const group of totals.vat) totalRow(`Btw ${group.rate}% over ${money(group.base)}`, money(group.vat))
  totalRow("Totaal incl. btw", money(totals.total_incl), true)

  // Payment.
  y += 20
  doc.font("Helvetica").fontSize(9)
  doc.text(
    `We vragen je het totaalbedrag van ${money(totals.total_incl)} binnen ${invoice.payment_term_days} dagen, uiterlijk ${formatDateNl(invoice.due_at)}, over te maken op IBAN ${seller.iban} ten name van ${seller.name}, onder vermelding van ${invoice.payment_reference ? `bestelnummer ${invoice.payment_reference}` : `factuurnummer ${invoice.number}`}.`,
    MARGIN,
    y,
    { width: CONTENT }
  )
  doc.moveDown(0.5)
  doc.text(`Vragen over deze factuur? Mail naar ${seller.email} of bel ${seller.phone}.`, { width: CONTENT })

  doc.end()
  return done
}
