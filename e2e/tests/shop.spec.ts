import { expect, type Page, test } from "@playwright/test"
import { fillAddress } from "./support/checkout"
import fs from "node:fs"
import path from "node:path"

/** The .eml files the backend wrote to MAIL_DIR (set by `npm test`). */
function mails(): string[] {
  const dir = process.env.MAIL_DIR
  if (!dir || !fs.existsSync(dir)) return []
  return fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
}

const money = (text: string) => text.replace(/\u00a0/g, " ").trim()

async function addSign(page: Page, quantity = 1) {
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Straatbord WhatsApp-buurtpreventie")
  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  await expect(page.getByTestId("product-price").first()).toHaveText(/€\s29,95/)
  await page.getByLabel("Aantal").fill(String(quantity))
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Product toegevoegd aan winkelmand")
}

test("browse, add to cart, check out and see the confirmation (JavaScript on)", async ({ page }) => {
  await page.goto("/")
  await page.getByRole("link", { name: "Borden" }).first().click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Borden")
  await page.getByRole("link", { name: "Straatbord WhatsApp-buurtpreventie", exact: true }).click()
  await expect(page.getByTestId("stock").first()).toBeVisible()

  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  await page.getByLabel("Aantal").fill("3")
  await page.getByRole("button", { name: "In winkelmand" }).click()
  const notice = page.getByRole("main").getByRole("status") // the add's notice, under its button
  await expect(notice).toContainText("Product toegevoegd aan winkelmand")
  await expect(page.getByTestId("notice").getByText("Product toegevoegd aan winkelmand", { exact: true })).toBeVisible()
  await expect(page.getByTestId("cart-count")).toHaveText("3")

  await notice.getByRole("link", { name: "Bekijk winkelmand" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Winkelmand")
  await expect(page.getByTestId("cart-line")).toHaveCount(1)
  await expect(page.getByTestId("subtotal")).toHaveText(/€\s89,85/)
  // € 89,85 is above the free-shipping threshold of € 75.
  await expect(page.getByTestId("shipping")).toHaveText("Gratis")

  await page.getByRole("link", { name: "Afrekenen" }).click()
  await fillAddress(page)
  await page.getByRole("button", { name: "Verder naar verzending" }).click()
  await expect(page.getByRole("heading", { name: "Verzending" })).toBeVisible()
  await expect(page.getByRole("radio", { name: /Pakket Nederland/ })).toBeChecked()
  await page.getByRole("button", { name: "Verder naar betalen" }).click()

  await expect(page.getByText("Betalen op rekening")).toBeVisible({ timeout: 30_000 })
  await page.getByRole("radio", { name: /Betalen op rekening/ }).check() // online methods come first when Stripe is configured
  await expect(page.getByTestId("total")).toHaveText(/€\s89,85/)
  expect(money(await page.getByTestId("tax").innerText())).toBe("€ 15,59")
  await page.getByRole("button", { name: "Bestellen en betalen" }).click()

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bestelling!", { timeout: 30_000 })
  await expect(page.getByTestId("order-number")).toHaveText(/^#\d+$/)
  await expect(page.getByTestId("order-line")).toContainText("3 × Straatbord WhatsApp-buurtpreventie")
  await expect(page.getByTestId("cart-count")).toHaveText("0")

  // The order confirmation e-mail goes to the shopper (written as .eml when no SMTP is configured).
  const orderNumber = (await page.getByTestId("order-number").innerText()).replace("#", "")
  test.skip(!process.env.MAIL_DIR, "MAIL_DIR is set by `npm test`")
  await expect
    .poll(() => mails().find((m) => m.includes(`Bedankt voor je bestelling #${orderNumber}`)) ?? "", { timeout: 20_000 })
    .toContain("jan.devries@example.com")
})

test("add to cart works without JavaScript, with the same notice", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/producten/raamsticker-whatsapp-buurtpreventie")
  await page.getByRole("radio", { name: /15 x 22 cm · Buitenkant raam/ }).check()
  await page.getByLabel("Aantal").fill("4")
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page).toHaveURL(/\/producten\/raamsticker-whatsapp-buurtpreventie\?variant=/)
  await expect(page.getByTestId("notice").getByText("Product toegevoegd aan winkelmand", { exact: true })).toBeVisible()
  await expect(page.getByTestId("cart-count")).toHaveText("4")

  // Changing the quantity and removing also work as plain form posts.
  await page.goto("/winkelmand")
  await page.getByLabel(/Aantal/).fill("6")
  await page.getByRole("button", { name: "Bijwerken" }).click()
  await expect(page.getByTestId("line-total")).toHaveText(/€\s23,70/)
  await expect(page.getByTestId("cart-count")).toHaveText("6")
  await page.getByRole("button", { name: /Verwijder/ }).click()
  await expect(page.getByText("Je winkelmand is leeg.")).toBeVisible()
  await context.close()
})

test("the checkout explains a bad postcode and e-mail address in Dutch and keeps the input", async ({ page }) => {
  await addSign(page)
  await page.goto("/afrekenen")
  await fillAddress(page, { "E-mailadres": "jan@", Postcode: "1234" })
  await page.getByRole("button", { name: "Verder naar verzending" }).click()

  await expect(page.getByRole("alert")).toContainText("2 velden zijn nog niet goed ingevuld:")
  await expect(page.getByTestId("error-email")).toHaveText("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
  await expect(page.getByTestId("error-postal_code")).toHaveText(
    "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
  )
  await expect(page.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true")
  await expect(page.getByLabel("Plaats")).toHaveValue("Utrecht")

  // A Belgian address needs a Belgian postcode: four digits.
  await page.getByLabel("Land").selectOption("be")
  await fillAddress(page, { Postcode: "3511 AB", Plaats: "Gent" })
  await page.getByRole("button", { name: "Verder naar verzending" }).click()
  await expect(page.getByTestId("error-postal_code")).toHaveText("Vul een Belgische postcode in: vier cijfers, bijvoorbeeld 1000.")
  await page.getByLabel("Postcode").fill("9000")
  await page.getByRole("button", { name: "Verder naar verzending" }).click()

  // Belgium ships from its own rates.
  await expect(page.getByRole("radio", { name: /Pakket België/ })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole("radio", { name: /Pakket België.*€\s12,95/ })).toBeVisible()
  // and the summary beside the step shows that shipping cost before it is chosen
  await expect(page.getByRole("complementary").getByTestId("shipping")).toHaveText(/€\s12,95/)
})

test("product pages carry schema.org Product data with the price range and stock", async ({ page }) => {
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  const json = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}")
  expect(json["@type"]).toBe("Product")
  expect(json.name).toBe("Straatbord WhatsApp-buurtpreventie")
  expect(json.offers).toMatchObject({ priceCurrency: "EUR", lowPrice: "19.95", highPrice: "36.95", offerCount: 4 })
  expect(json.offers.availability).toBe("https://schema.org/InStock")
})
