/**
 * The packing slip ("Pakbon") of an order as a printable HTML page: order number,
 * date, shipping address and the lines with SKU and quantity, no prices. A package
 * lists its parts, so whoever packs knows what goes in the box.
 */
import { addressLines, escapeHtml as esc, formatDateNl, type AddressLike } from "./html"

export type PackingSlipLine = {
  title: string
  variant_title?: string | null
  sku?: string | null
  quantity: number
  /** Parts of a package: SKU, name and how many in total for this line. */
  parts?: { sku?: string | null; title: string; quantity: number }[]
}

export type PackingSlipData = {
  display_id: number | string
  created_at: string | Date
  email?: string | null
  canceled?: boolean
  shipping_address?: (AddressLike & { phone?: string | null }) | null
  shipping_methods: string[]
  items: PackingSlipLine[]
  /** Open the browser's print dialog on load. */
  print?: boolean
}

const SHOP_NAME = "Buurtpreventie Shop"

export function renderPackingSlip(order: PackingSlipData): string {
  const title = `Pakbon #${order.display_id}`
  const address = addressLines(order.shipping_address)
  const total = order.items.reduce((sum, i) => sum + i.quantity, 0)
  const rows = order.items
    .map((item) => {
      const name = `${item.title}${item.variant_title ? ` (${item.variant_title})` : ""}`
      const parts = item.parts?.length
        ? `<ul class="parts">${item.parts
            .map((p) => `<li>${esc(p.quantity)} × ${esc(p.title)}${p.sku ? ` <span class="sku">${esc(p.sku)}</span>` : ""}</li>`)
            .join("")}</ul>`
        : ""
      return `<tr>
<td class="check" aria-label="Ingepakt"><span class="box"></span></td>
<td class="sku">${esc(item.sku ?? "")}</td>
<td>${esc(name)}${parts}</td>
<td class="qty">${esc(item.quantity)}</td>
</tr>`
    })
    .join("\n")

  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | ${esc(SHOP_NAME)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: system-ui, sans-serif; color: #111827; margin: 0 auto; max-width: 180mm; padding: 16px; font-size: 11pt; }
  header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #111827; padding-bottom: 8px; }
  h1 { font-size: 22pt; margin: 0; }
  .shop { text-align: right; font-weight: 600; }
  .meta { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin: 16px 0; }
  .meta h2 { font-size: 10pt; text-transform: uppercase; letter-spacing: .05em; color: #4b5563; margin: 0 0 4px; }
  .meta p { margin: 0; line-height: 1.4; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d1d5db; vertical-align: top; }
  th { font-size: 9pt; text-transform: uppercase; color: #4b5563; }
  td.qty, th.qty { text-align: right; font-weight: 700; font-size: 13pt; }
  td.sku, .sku { font-family: ui-monospace, monospace; font-size: 10pt; }
  td.check { width: 20px; }
  .box { display: inline-block; width: 14px; height: 14px; border: 1.5px solid #111827; }
  ul.parts { margin: 4px 0 0; padding-left: 18px; font-size: 10pt; color: #374151; }
  .canceled { border: 3px solid #b91c1c; color: #b91c1c; font-weight: 700; padding: 8px; margin-top: 12px; text-align: center; }
  footer { margin-top: 16px; font-size: 10pt; color: #4b5563; }
  .actions { margin-top: 16px; }
  @media print { .actions { display: none; } body { padding: 0; } }
</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<div class="shop">${esc(SHOP_NAME)}</div>
</header>
${order.canceled ? `<p class="canceled">Deze bestelling is geannuleerd: niet verzenden.</p>` : ""}
<section class="meta">
<div>
<h2>Bestelling</h2>
<p>Bestelnummer: <strong>#${esc(order.display_id)}</strong><br>
Besteldatum: ${esc(formatDateNl(order.created_at))}${order.shipping_methods.length ? `<br>\nVerzending: ${esc(order.shipping_methods.join(" + "))}` : ""}</p>
</div>
<div>
<h2>Verzendadres</h2>
<p>${address.length ? address.map(esc).join("<br>") : "Geen verzendadres"}${order.shipping_address?.phone ? `<br>Tel. ${esc(order.shipping_address.phone)}` : ""}</p>
</div>
</section>
<table>
<thead><tr><th class="check"></th><th>SKU</th><th>Artikel</th><th class="qty">Aantal</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<footer>${esc(order.items.length)} ${order.items.length === 1 ? "regel" : "regels"}, ${esc(total)} ${total === 1 ? "stuk" : "stuks"} in totaal.</footer>
<p class="actions"><button type="button" onclick="window.print()">Afdrukken</button></p>
${order.print ? `<script>window.addEventListener("load", function () { window.print() })</script>` : ""}
</body>
</html>
`
}
