import { expect, test } from "@playwright/test"

test("the product page shows quantity prices and the cart charges them", async ({ page }) => {
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  await page.getByRole("radio", { name: /30 x 45 cm · Aluminium 1,5 mm/ }).check()

  const tiers = page.getByTestId("tier-prices")
  await expect(tiers.getByRole("heading", { name: "Staffelprijs" })).toBeVisible()
  const table = tiers.getByRole("table")
  await expect(table).toContainText("30 x 45 cm · Aluminium 1,5 mm")
  const rows = tiers.getByTestId("tier-row")
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText(/1–4 stuks.*€\s19,95/)
  await expect(rows.nth(1)).toContainText(/5–9 stuks.*€\s18,55.*7% korting/)
  await expect(rows.nth(2)).toContainText(/vanaf 10 stuks.*€\s17,55.*12% korting/)
  await expect(tiers.getByRole("rowheader", { name: "5–9 stuks" })).toBeVisible()

  // Another variant has its own tiers.
  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  await expect(rows.nth(1)).toContainText(/€\s27,85/)
  await page.getByRole("radio", { name: /30 x 45 cm · Aluminium 1,5 mm/ }).check()

  // The row of the chosen quantity is marked.
  await page.getByLabel("Aantal").fill("5")
  await expect(rows.nth(1)).toContainText("(jouw aantal)")

  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Product toegevoegd aan winkelmand")

  await page.goto("/winkelmand")
  const line = page.getByTestId("cart-line")
  await expect(line).toContainText(/€\s18,55 per stuk/)
  await expect(line.getByTestId("line-total")).toHaveText(/€\s92,75/)

  // Up to 10 and back to 4: the unit price follows the quantity.
  await line.getByLabel(/Aantal/).fill("10")
  await line.getByRole("button", { name: "Bijwerken" }).click()
  await expect(line).toContainText(/€\s17,55 per stuk/)
  await expect(line.getByTestId("line-total")).toHaveText(/€\s175,50/)
  await line.getByLabel(/Aantal/).fill("4")
  await line.getByRole("button", { name: "Bijwerken" }).click()
  await expect(line).toContainText(/€\s19,95 per stuk/)
  await expect(line.getByTestId("line-total")).toHaveText(/€\s79,80/)
})

test("quantity prices are in the page without JavaScript and in the structured data", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/producten/raamsticker-whatsapp-buurtpreventie")
  const rows = page.getByTestId("tier-row")
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(2)).toContainText(/vanaf 25 stuks/)

  const json = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}")
  const offer = json.offers.offers.find((o: any) => o.sku === "STK-RAAM-1015-BIN")
  expect(offer.priceSpecification).toEqual([
    expect.objectContaining({ price: "2.95", eligibleQuantity: expect.objectContaining({ minValue: 1, maxValue: 9 }) }),
    expect.objectContaining({ price: "2.75", eligibleQuantity: expect.objectContaining({ minValue: 10, maxValue: 24 }) }),
    expect.objectContaining({ price: "2.60", valueAddedTaxIncluded: true }),
  ])
  await context.close()

  // A package has one price: no table.
  const plain = await browser.newPage()
  await plain.goto("/producten/starterspakket-straat")
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Starterspakket straat")
  await expect(plain.getByTestId("tier-prices")).toHaveCount(0)
  await plain.close()
})
