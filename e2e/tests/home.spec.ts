import { expect, test } from "@playwright/test"

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""

/** Dutch euro notation, as nl-NL writes it: "€ 19,95" (any space after the sign). */
const DUTCH_PRICE = /^vanaf €\s\d{1,3}(\.\d{3})*,\d{2}$|^€\s\d{1,3}(\.\d{3})*,\d{2}$/

test("the home page shows the seeded products with Dutch prices", async ({ page, request }) => {
  // What the catalogue holds, straight from the store API.
  const response = await request.get(`${BACKEND_URL}/store/products?limit=100&fields=title`, {
    headers: { "x-publishable-api-key": PUBLISHABLE_KEY },
  })
  expect(response.ok()).toBeTruthy()
  const { products } = (await response.json()) as { products: { title: string }[] }
  expect(products.length).toBeGreaterThanOrEqual(10)

  await page.goto("/")
  await expect(page).toHaveTitle(/Buurtpreventie/)
  await expect(page.locator("html")).toHaveAttribute("lang", "nl")
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()

  const cards = page.getByTestId("product-card")
  await expect(cards).toHaveCount(products.length)
  for (const { title } of products) {
    await expect(page.getByTestId("product-card").filter({ hasText: title }).first()).toBeVisible()
  }

  const sign = cards.filter({ hasText: "Straatbord WhatsApp-buurtpreventie" }).first()
  await expect(sign.getByTestId("product-price")).toHaveText(/€\s19,95/)
  for (const price of await page.getByTestId("product-price").allInnerTexts()) {
    expect(price.trim().replace(/\u00a0/g, " ")).toMatch(DUTCH_PRICE)
  }
  await expect(sign.getByRole("img")).toHaveAttribute("alt", /Straatbord/)
})

test("the header offers the shop, the groups, the rules of conduct and the cart", async ({ page }) => {
  await page.goto("/")
  const nav = page.getByRole("navigation").first()
  await expect(nav.getByRole("link", { name: "Winkel" })).toBeVisible()
  await expect(nav.getByRole("link", { name: "Groepen" })).toBeVisible()
  await expect(nav.getByRole("link", { name: "Gedragsregels" })).toBeVisible()
  await expect(page.getByRole("link", { name: /Winkelmand/ })).toBeVisible()
})

test("the home page works without JavaScript (server-rendered)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/")
  await expect(page.getByTestId("product-card").first()).toBeVisible()
  await expect(page.getByTestId("product-price").first()).toHaveText(/€/)
  await context.close()
})
