/**
 * E-mails of the shop's daily work, in Dutch: the staff alert about low stock, the
 * customer's "Je bestelling is verzonden" with track-and-trace, and the invitation of a
 * new colleague to the admin. Pure functions like templates.ts; the workflows render
 * them and send `content: { subject, text, html }` through the Notification Module
 * (the mail provider uses given content as is).
 */
import { addressLines, escapeHtml as esc, formatDateNl, type AddressLike } from "../../lib/html"
import { itemLineText, type ItemLine } from "../../lib/order-items"
import type { Tracking } from "../../lib/track-and-trace"
import type { RenderedMail } from "./templates"

export const LOW_STOCK_TEMPLATE = "low-stock-alert"
export const ORDER_SHIPPED_TEMPLATE = "order-shipped"
export const STAFF_INVITE_TEMPLATE = "staff-invite"

const SHOP_NAME = "Buurtpreventie Shop"

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="font-family:sans-serif;color:#1f2937">
<h1 style="font-size:20px">${esc(title)}</h1>
${body}
</body>
</html>
`
}

const link = (url: string, label = url) => `<a href="${esc(url)}">${esc(label)}</a>`

// ---------------------------------------------------------------- low stock (staff)

export type LowStockAlertItem = {
  name: string
  sku: string | null
  available: number
  threshold: number
  stocked: number
  reserved: number
  /** The item in the admin. */
  url: string
  /** Packages that use the item, e.g. "Starterspakket straat (2 per pakket)". */
  kits: string[]
}

export type LowStockAlertData = { items: LowStockAlertItem[]; overview_url: string }

export function lowStockAlert({ items, overview_url }: LowStockAlertData): RenderedMail {
  const one = items.length === 1
  const subject = one
    ? `Lage voorraad: ${items[0].name}${items[0].sku ? ` (${items[0].sku})` : ""}`
    : `Lage voorraad: ${items.length} artikelen`
  const intro = one
    ? "De voorraad van dit artikel is op of onder de drempel gekomen:"
    : "De voorraad van deze artikelen is op of onder de drempel gekomen:"
  const summary = (i: LowStockAlertItem) =>
    `${i.available <= 0 ? "uitverkocht" : `nog ${i.available} beschikbaar`} (drempel ${i.threshold}; op voorraad ${i.stocked}, gereserveerd ${i.reserved})`
  const outro = "Je krijgt over een artikel pas weer bericht als de voorraad eerst weer boven de drempel is geweest."

  const text = [
    "Hallo,",
    "",
    intro,
    "",
    ...items.flatMap((i) => [
      `- ${i.name}${i.sku ? `, SKU ${i.sku}` : ""}: ${summary(i)}`,
      ...(i.kits.length ? [`  Ook in: ${i.kits.join(", ")}`] : []),
      `  Bekijken: ${i.url}`,
    ]),
    "",
    outro,
    "",
    `Alle artikelen met weinig voorraad: ${overview_url}`,
    "",
    SHOP_NAME,
    "",
  ].join("\n")

  const rows = items
    .map(
      (i) =>
        `<li><strong>${esc(i.name)}</strong>${i.sku ? `, SKU ${esc(i.sku)}` : ""}: ${esc(summary(i))}` +
        (i.kits.length ? `<br>Ook in: ${esc(i.kits.join(", "))}` : "") +
        `<br>${link(i.url, "Bekijken in de beheeromgeving")}</li>`
    )
    .join("\n")
  const html = page(
    subject,
    `<p>Hallo,</p>
<p>${esc(intro)}</p>
<ul>
${rows}
</ul>
<p>${esc(outro)}</p>
<p>${link(overview_url, "Alle artikelen met weinig voorraad")}</p>
<p>${esc(SHOP_NAME)}</p>`
  )
  return { subject, text, html }
}

// ---------------------------------------------------------------- shipped (customer)

export type OrderShippedData = {
  display_id: number | string
  items: ItemLine[]
  tracking: Tracking[]
  shipping_address?: AddressLike | null
}

export function orderShipped(order: OrderShippedData): RenderedMail {
  const subject = `Je bestelling is verzonden (#${order.display_id})`
  const name = order.shipping_address?.first_name?.trim()
  const greeting = name ? `Hallo ${name},` : "Hallo,"
  const intro = `Goed nieuws: je bestelling #${order.display_id} bij ${SHOP_NAME} is verzonden.`
  const address = addressLines(order.shipping_address)
  const trackingText = order.tracking.length
    ? order.tracking.length === 1
      ? ["Volg je pakket met track & trace:", order.tracking[0].url, `(code ${order.tracking[0].number})`]
      : ["Volg je pakketten met track & trace:", ...order.tracking.map((t) => `- ${t.number}: ${t.url}`)]
    : ["Deze zending heeft geen track & trace-code; hij komt met de gewone post."]

  const text = [
    greeting,
    "",
    intro,
    "",
    ...trackingText,
    "",
    "In deze zending:",
    ...order.items.map((i) => `- ${itemLineText(i)}`),
    ...(address.length ? ["", "Verzendadres:", ...address] : []),
    "",
    "Met vriendelijke groet,",
    SHOP_NAME,
    "",
  ].join("\n")

  const trackingHtml = order.tracking.length
    ? `<p>Volg je ${order.tracking.length === 1 ? "pakket" : "pakketten"} met track &amp; trace:</p>
<ul>
${order.tracking.map((t) => `<li>${link(t.url, `Track & trace ${t.number}`)}</li>`).join("\n")}
</ul>`
    : `<p>Deze zending heeft geen track &amp; trace-code; hij komt met de gewone post.</p>`
  const html = page(
    subject,
    `<p>${esc(greeting)}</p>
<p>${esc(intro)}</p>
${trackingHtml}
<h2 style="font-size:16px">In deze zending</h2>
<ul>
${order.items.map((i) => `<li>${esc(itemLineText(i))}</li>`).join("\n")}
</ul>
${address.length ? `<h2 style="font-size:16px">Verzendadres</h2>\n<p>${address.map(esc).join("<br>")}</p>` : ""}
<p>Met vriendelijke groet,<br>${esc(SHOP_NAME)}</p>`
  )
  return { subject, text, html }
}

// ---------------------------------------------------------------- invite (new colleague)

export type StaffInviteData = { invite_url: string; expires_at?: string | null }

export function staffInvite({ invite_url, expires_at }: StaffInviteData): RenderedMail {
  const subject = `Uitnodiging voor de beheeromgeving van ${SHOP_NAME}`
  const intro = `Je bent uitgenodigd om als medewerker mee te werken in de beheeromgeving van ${SHOP_NAME} (bestellingen, voorraad en producten).`
  const validity = expires_at ? `De link is geldig tot ${formatDateNl(expires_at, true)}.` : ""
  const ignore = "Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren."
  const text = [
    "Hallo,",
    "",
    intro,
    "",
    "Kies je wachtwoord en maak je account aan via deze link:",
    invite_url,
    "",
    ...(validity ? [validity, ""] : []),
    ignore,
    "",
    SHOP_NAME,
    "",
  ].join("\n")
  const html = page(
    subject,
    `<p>Hallo,</p>
<p>${esc(intro)}</p>
<p><a href="${esc(invite_url)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">Uitnodiging accepteren</a></p>
<p>Werkt de knop niet? Kopieer dan deze link in je browser:<br>${link(invite_url)}</p>
${validity ? `<p>${esc(validity)}</p>` : ""}
<p>${esc(ignore)}</p>
<p>${esc(SHOP_NAME)}</p>`
  )
  return { subject, text, html }
}
