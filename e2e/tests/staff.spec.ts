import { expect, type APIRequestContext, type Page, test } from "@playwright/test"
import fs from "node:fs"
import path from "node:path"

/**
 * Staff running the shop from Medusa's admin (/app): stock set to 0 in the admin makes
 * the storefront show the variant sold out, and an order marked shipped with a
 * tracking number e-mails the customer "Je bestelling is verzonden" with the PostNL
 * track-and-trace link.
 */

const BACKEND_URL = (process.env.BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""

/** A single-variant product, so its page shows that variant's state on the button. */
const PRODUCT = { handle: "muurbeugel", sku: "BEUGEL-MUUR" }

async function logIn(page: Page) {
  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local")
  await page.locator('input[name="password"]').fill(process.env.ADMIN_PASSWORD ?? "buurtpreventie")
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: 30_000 })
}

/** The admin API with the logged-in staff session (page.request shares the browser's cookies). */
async function admin<T = any>(page: Page, method: "GET" | "POST", url: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`${BACKEND_URL}${url}`, { method, ...(data === undefined ? {} : { data }) })
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300)
  return response.json()
}

async function inventoryLevel(page: Page, sku: string) {
  const { inventory_items } = await admin(page, "GET", `/admin/inventory-items?sku=${sku}&fields=id,*location_levels`)
  const item = inventory_items[0]
  const level = item.location_levels[0]
  return { itemId: item.id as string, locationId: level.location_id as string, stocked: Number(level.stocked_quantity) }
}

/** The .eml files the backend wrote to MAIL_DIR, quoted-printable decoded. */
function mails(): string[] {
  const dir = process.env.MAIL_DIR
  if (!dir || !fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => decodeQuotedPrintable(fs.readFileSync(path.join(dir, f), "latin1")))
}

/** Undoes quoted-printable (soft line breaks, =XX bytes) over the whole message, then reads it as UTF-8. */
function decodeQuotedPrintable(raw: string): string {
  const text = raw.replace(/=\r?\n/g, "")
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(text.charCodeAt(i) & 0xff)
    }
  }
  return Buffer.from(bytes).toString("utf8")
}

test("stock set to 0 in the admin shows the product as sold out in the shop", async ({ page }) => {
  await logIn(page)
  const level = await inventoryLevel(page, PRODUCT.sku)
  expect(level.stocked).toBeGreaterThan(0)

  try {
    // Medusa's admin: Inventory → item → location → "In stock" (the drawer at /app/inventory/:id/locations/:location_id).
    await page.goto(`${BACKEND_URL}/app/inventory/${level.itemId}/locations/${level.locationId}`)
    const drawer = page.getByRole("dialog").filter({ has: page.locator('input[name="stocked_quantity"]') })
    const inStock = drawer.locator('input[name="stocked_quantity"]')
    await expect(inStock).toBeVisible({ timeout: 30_000 })
    await inStock.fill("0")
    await drawer.locator('button[type="submit"]').click()
    await expect(drawer).toBeHidden({ timeout: 15_000 })
    await expect.poll(async () => (await inventoryLevel(page, PRODUCT.sku)).stocked).toBe(0)

    // Our widget on the orders list names it among the items with low stock.
    await page.goto(`${BACKEND_URL}/app/orders`)
    await expect(page.getByTestId("low-stock-widget")).toContainText(PRODUCT.sku, { timeout: 30_000 })

    // The storefront caches catalogue reads for a few seconds: reload until it shows the new stock.
    await expect
      .poll(
        async () => {
          await page.goto(`/producten/${PRODUCT.handle}`)
          return page.getByRole("button", { name: "Uitverkocht" }).count()
        },
        { timeout: 20_000, intervals: [1_000, 2_000] },
      )
      .toBe(1)
    await expect(page.getByRole("button", { name: "Uitverkocht" })).toBeDisabled()
    await expect(page.getByTestId("stock").first()).toContainText("Uitverkocht")
    await expect(page.getByRole("button", { name: "In winkelmand" })).toHaveCount(0)
  } finally {
    // Leave the catalogue as the other tests expect it.
    await admin(page, "POST", `/admin/inventory-items/${level.itemId}/location-levels/${level.locationId}`, { stocked_quantity: level.stocked })
  }
})

/** An order through the store API, paid on account (Medusa's manual provider). */
async function placeOrder(request: APIRequestContext, email: string) {
  const headers = { "x-publishable-api-key": PUBLISHABLE_KEY }
  const store = async (method: "GET" | "POST", url: string, data?: unknown) => {
    const response = await request.fetch(`${BACKEND_URL}${url}`, { method, headers, ...(data === undefined ? {} : { data }) })
    expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300)
    return response.json()
  }
  const { regions } = await store("GET", "/store/regions")
  const region = regions.find((r: any) => r.name === "Nederland")
  const { products } = await store("GET", `/store/products?handle=lantaarnpaalbord&region_id=${region.id}&fields=*variants`)
  const { cart } = await store("POST", "/store/carts", { region_id: region.id })
  await store("POST", `/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
  const address = {
    first_name: "Jan",
    last_name: "de Vries",
    address_1: "Dorpsstraat 12",
    postal_code: "3511 AB",
    city: "Utrecht",
    country_code: "nl",
  }
  await store("POST", `/store/carts/${cart.id}`, { email, shipping_address: address, billing_address: address })
  const { shipping_options } = await store("GET", `/store/shipping-options?cart_id=${cart.id}`)
  const parcel = shipping_options.find((o: any) => o.name === "Pakket Nederland")
  await store("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: parcel.id })
  const { payment_collection } = await store("POST", "/store/payment-collections", { cart_id: cart.id })
  await store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const completed = await store("POST", `/store/carts/${cart.id}/complete`)
  expect(completed.type).toBe("order")
  return completed.order
}

test("an order marked shipped with a tracking number e-mails 'Je bestelling is verzonden' with the track-and-trace link", async ({ page, request }) => {
  test.skip(!process.env.MAIL_DIR, "MAIL_DIR is set by `npm test`")
  test.skip(!PUBLISHABLE_KEY, "PUBLISHABLE_KEY is set by `npm test`")
  const email = `verzonden.${Date.now()}@example.com`
  const order = await placeOrder(request, email)

  // Staff fulfil and ship it with the admin API, logged in as in the admin.
  await logIn(page)
  const { order: detail } = await admin(page, "GET", `/admin/orders/${order.id}?fields=*items`)
  const items = detail.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
  await admin(page, "POST", `/admin/orders/${order.id}/fulfillments`, { items })
  const { order: fulfilled } = await admin(page, "GET", `/admin/orders/${order.id}?fields=*fulfillments`)
  const code = `3SBPE2E${Date.now()}`
  await admin(page, "POST", `/admin/orders/${order.id}/fulfillments/${fulfilled.fulfillments[0].id}/shipments`, {
    items,
    labels: [{ tracking_number: code, tracking_url: "#", label_url: "#" }],
  })

  const link = `https://jouw.postnl.nl/track-and-trace/${code}-NL-3511AB`
  await expect
    .poll(() => mails().find((m) => m.includes(`Je bestelling is verzonden (#${order.display_id})`)) ?? "", { timeout: 20_000 })
    .toContain(link)
  const mail = mails().find((m) => m.includes(`Je bestelling is verzonden (#${order.display_id})`))!
  expect(mail).toContain(`To: ${email}`)
  expect(mail).toContain("1 × Lantaarnpaalbord WhatsApp-buurtpreventie (20 x 30 cm)")

  // The packing slip for the same order, as the "Pakbon printen" button opens it.
  const slip = await page.request.get(`${BACKEND_URL}/admin/orders/${order.id}/packing-slip`)
  expect(slip.headers()["content-type"]).toContain("text/html")
  expect(await slip.text()).toContain(`Pakbon #${order.display_id}`)
})
