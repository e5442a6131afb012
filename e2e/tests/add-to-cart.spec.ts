import { expect, type Page, test } from "@playwright/test"

const SIGN = "/producten/straatbord-whatsapp-buurtpreventie"
const ADDED = "Product toegevoegd aan winkelmand"

/**
 * Holds the product page's add-to-cart post (to the one cart route, POST /winkelmand/wijzigen) until
 * `release` is called, so the test sees what the shopper sees before the server answers.
 */
async function holdAddToCart(page: Page): Promise<{ release: () => void }> {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route((url) => url.pathname === "/winkelmand/wijzigen", async (route) => {
    if (route.request().method() === "POST") await held
    await route.continue()
  })
  return { release }
}

async function openSign(page: Page, variant: RegExp) {
  await page.goto(SIGN)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Straatbord WhatsApp-buurtpreventie")
  await page.getByRole("radio", { name: variant }).check()
}

test("the header count and notice appear before the server answers, then are confirmed", async ({ page }) => {
  await openSign(page, /30 x 45 cm · Aluminium 1,5 mm/)
  const before = Number(await page.getByTestId("cart-count").innerText())
  await page.getByLabel("Aantal").fill("3")
  const { release } = await holdAddToCart(page)
  const button = page.getByRole("button", { name: "In winkelmand" })
  await button.click()

  // Optimistic: from the submitted form alone, the post still held.
  const pending = page.getByTestId("notice-pending")
  await expect(pending).toHaveAttribute("data-state", "pending")
  await expect(pending).toContainText(ADDED)
  await expect(pending).toContainText("3 × Straatbord WhatsApp-buurtpreventie (30 x 45 cm / Aluminium 1,5 mm)")
  await expect(page.getByTestId("notice")).toHaveCount(0) // "notice" is only the server's
  await expect(page.getByTestId("cart-count")).toHaveText(String(before + 3))
  await expect(page.getByRole("main").getByRole("status")).toContainText(ADDED) // the live region screen readers announce
  await expect(button).toBeFocused() // the notice does not take focus

  release()
  const notice = page.getByTestId("notice")
  await expect(notice).toHaveAttribute("data-state", "confirmed")
  await expect(notice).toContainText("3 × Straatbord WhatsApp-buurtpreventie (30 x 45 cm / Aluminium 1,5 mm)")
  await expect(page.getByTestId("cart-count")).toHaveText(String(before + 3))
  await expect(page).toHaveURL(SIGN) // no navigation: the page stayed
  await expect(button).toBeFocused()

  // The server kept it: a fresh page load shows the same count and the line.
  await page.goto("/winkelmand")
  await expect(page.getByTestId("cart-count")).toHaveText(String(before + 3))
  await expect(page.getByTestId("cart-line").filter({ hasText: "30 x 45 cm / Aluminium 1,5 mm" })).toHaveCount(1)
})

test("more than in stock: refused at once from the page's own stock, nothing counted or sent", async ({ page }) => {
  await openSign(page, /40 x 60 cm · Aluminium dibond 3 mm/)
  const before = Number(await page.getByTestId("cart-count").innerText())
  const quantity = page.getByLabel("Aantal")
  await quantity.evaluate((input) => input.removeAttribute("max"))
  await quantity.fill("500")
  let posted = 0
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith("/winkelmand")) posted++
  })
  await page.getByRole("button", { name: "In winkelmand" }).click()
  const notice = page.getByTestId("notice")
  await expect(notice).toContainText(/Er zijn er nog maar \d+ op voorraad/)
  await expect(notice).not.toContainText(ADDED)
  await expect(page.getByRole("main").getByRole("status")).toContainText(/Er zijn er nog maar \d+ op voorraad/)
  await expect(page.getByTestId("cart-count")).toHaveText(String(before))
  expect(posted).toBe(0)
})

test("a quantity the shop does not take is refused in Dutch and nothing is counted", async ({ page }) => {
  await openSign(page, /30 x 45 cm · Aluminium 1,5 mm/)
  const before = Number(await page.getByTestId("cart-count").innerText())
  const quantity = page.getByLabel("Aantal")
  await quantity.evaluate((input) => input.removeAttribute("max"))
  await quantity.fill("1000")
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Bestel maximaal 999 stuks per regel")
  await expect(page.getByTestId("cart-count")).toHaveText(String(before))
})

test("the notice of an add does not follow the shopper to the next page", async ({ page }) => {
  await openSign(page, /30 x 45 cm · Aluminium 1,5 mm/)
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toHaveAttribute("data-state", "confirmed")
  await page.getByRole("link", { name: "Gedragsregels" }).first().click()
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
  await expect(page.getByTestId("notice")).toHaveCount(0)
})

test("without JavaScript, more than in stock redirects back with the Dutch message", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await openSign(page, /40 x 60 cm · Aluminium dibond 3 mm/)
  const quantity = page.getByLabel("Aantal")
  await quantity.evaluate((input) => input.removeAttribute("max"))
  await quantity.fill("500")
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page).toHaveURL(/\/producten\/straatbord-whatsapp-buurtpreventie\?variant=/)
  await expect(page.getByTestId("notice")).toContainText(/Er zijn er nog maar \d+ op voorraad/)
  await expect(page.getByTestId("cart-count")).toHaveText("0")
  await context.close()
})
