/**
 * The storefront's checkout through the store API, as the integration tests drive it:
 * cart → email + address → one shipping method per shipping profile → payment
 * collection → payment session → complete.
 */
import fs from "node:fs"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHOP } from "../../src/seed/seed-shop"

type Api = {
  get(url: string, config?: any): Promise<any>
  post(url: string, body?: any, config?: any): Promise<any>
}
export type StoreHeaders = { headers: Record<string, string> }

export const ADDRESSES = {
  nl: {
    first_name: "Anouk",
    last_name: "de Vries",
    address_1: "Lindelaan 12",
    postal_code: "3581 AB",
    city: "Utrecht",
    country_code: "nl",
    phone: "0612345678",
  },
  be: {
    first_name: "Wout",
    last_name: "Peeters",
    address_1: "Kerkstraat 5",
    postal_code: "2000",
    city: "Antwerpen",
    country_code: "be",
  },
}

export async function storeHeaders(container: MedusaContainer): Promise<StoreHeaders> {
  const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: SHOP.publishableKeyTitle })
  return { headers: { "x-publishable-api-key": key.token } }
}

export async function regionId(api: Api, headers: StoreHeaders, name: "Nederland" | "België"): Promise<string> {
  const { data } = await api.get("/store/regions", headers)
  return data.regions.find((r: any) => r.name === name).id
}

export async function variantIdBySku(container: MedusaContainer, sku: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
  if (!data[0]) throw new Error(`No variant with SKU ${sku}`)
  return data[0].id
}

export type CartLine = { sku: string; quantity: number }

/**
 * A cart ready for payment: items, e-mail, shipping and billing address, and for each
 * shipping profile its items use the region's option of that profile (stickers go by
 * letterbox post, signs by parcel).
 */
export async function cartReadyForPayment(
  api: Api,
  headers: StoreHeaders,
  container: MedusaContainer,
  { country = "nl", lines, email = "anouk@example.nl" }: { country?: "nl" | "be"; lines: CartLine[]; email?: string }
) {
  const region = await regionId(api, headers, country === "nl" ? "Nederland" : "België")
  const { data: created } = await api.post("/store/carts", { region_id: region }, headers)
  const cartId: string = created.cart.id
  for (const line of lines) {
    await api.post(
      `/store/carts/${cartId}/line-items`,
      { variant_id: await variantIdBySku(container, line.sku), quantity: line.quantity },
      headers
    )
  }
  const address = ADDRESSES[country]
  await api.post(`/store/carts/${cartId}`, { email, shipping_address: address, billing_address: address }, headers)

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["items.product.shipping_profile.id"],
    filters: { id: cartId },
  })
  const profiles = new Set<string>(carts[0].items.map((i: any) => i.product.shipping_profile.id))
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  for (const profile of profiles) {
    const option = options.shipping_options.find((o: any) => o.shipping_profile_id === profile)
    if (!option) throw new Error(`No shipping option for profile ${profile}`)
    await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, headers)
  }
  const { data } = await api.get(`/store/carts/${cartId}?fields=*items,*shipping_methods,+total,+tax_total`, headers)
  return data.cart
}

/** Creates the cart's payment collection and a session with the given provider. */
export async function startPayment(api: Api, headers: StoreHeaders, cartId: string, providerId: string, data?: Record<string, unknown>) {
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  const { data: withSession } = await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: providerId, ...(data ? { data } : {}) },
    headers
  )
  const collection = withSession.payment_collection
  const session = collection.payment_sessions.find((s: any) => s.provider_id === providerId)
  return { collection, session }
}

/** A request's answer without throwing on 4xx/5xx: { status, body } (a request that got no answer still throws). */
export async function answerOf(request: Promise<any>): Promise<{ status: number; body: any }> {
  try {
    const response = await request
    return { status: response.status, body: response.data }
  } catch (e: any) {
    if (!e.response) throw e
    return { status: e.response.status, body: e.response.data }
  }
}

/** POST /store/carts/:id/complete without throwing on 4xx: { status, body }. */
export function completeCart(api: Api, headers: StoreHeaders, cartId: string): Promise<{ status: number; body: any }> {
  return answerOf(api.post(`/store/carts/${cartId}/complete`, {}, headers))
}

/** Orders placed from a cart (through Medusa's order_cart link). */
export async function ordersForCart(container: MedusaContainer, cartId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  return data.map((row: any) => row.order_id)
}

/** Polls until `check` returns a truthy value; bounded, short interval. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, { timeoutMs = 15000, intervalMs = 50, what = "condition" } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value as T
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/**
 * Waits until Medusa recorded the order's confirmation e-mail as sent (the provider
 * writes the .eml before the Notification Module marks the record), then returns the
 * mails in `mailDir` for that order.
 */
export async function confirmationMails(container: MedusaContainer, mailDir: string, orderId: string): Promise<ParsedMail[]> {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const order = await container.resolve(Modules.ORDER).retrieveOrder(orderId)
  await waitFor(async () => (await notifications.listNotifications({ resource_id: orderId })).some((n) => n.status === "success"), {
    what: `confirmation e-mail for order #${order.display_id}`,
  })
  return readMails(mailDir).filter((m) => m.headers.subject === `Bedankt voor je bestelling #${order.display_id}`)
}

export type ParsedMail = { file: string; headers: Record<string, string>; text: string; html: string; raw: string }

/** Reads the .eml files the mail provider wrote: headers, decoded text and HTML parts. */
export function readMails(dir: string): ParsedMail[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((f) => parseEml(path.join(dir, f)))
}

export function parseEml(file: string): ParsedMail {
  const raw = fs.readFileSync(file, "utf8")
  const [head] = raw.split(/\r?\n\r?\n/)
  const headers = parseHeaders(head)
  const decoded: Record<string, string> = {}
  decodeParts(raw, decoded)
  return { file, headers, text: decoded["text/plain"] ?? "", html: decoded["text/html"] ?? "", raw }
}

/** Decodes a MIME entity's leaf parts by type, descending into nested multiparts (text + HTML inside a mail with attachments). */
function decodeParts(entity: string, decoded: Record<string, string>): void {
  const [head, ...rest] = entity.replace(/^\r?\n/, "").split(/\r?\n\r?\n/)
  const h = parseHeaders(head)
  const content = rest.join("\r\n\r\n")
  const boundary = /boundary="?([^";]+)"?/.exec(h["content-type"] ?? "")?.[1]
  if (boundary) {
    for (const part of content.split(`--${boundary}`).slice(1, -1)) decodeParts(part, decoded)
    return
  }
  const body = content.replace(/\r?\n$/, "")
  const type = (h["content-type"] ?? "text/plain").split(";")[0].trim()
  if (decoded[type] !== undefined) return
  const text = /quoted-printable/i.test(h["content-transfer-encoding"] ?? "")
    ? decodeQuotedPrintable(body)
    : /base64/i.test(h["content-transfer-encoding"] ?? "")
      ? Buffer.from(body, "base64").toString("utf8")
      : body
  decoded[type] = text.replace(/\r\n/g, "\n")
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":")
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  return headers
}

function decodeQuotedPrintable(input: string): string {
  const bytes: number[] = []
  const text = input.replace(/=\r?\n/g, "")
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i], "utf8"))
    }
  }
  return Buffer.from(bytes).toString("utf8")
}
