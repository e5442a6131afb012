import { expect, type Page, test } from "@playwright/test"
import { toPaymentStep as toPaymentStepWith } from "./support/checkout"

const BACKEND_URL = (process.env.BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")

/**
 * "Op factuur (gemeente/organisatie)": a municipality orders signs on invoice. The
 * checkout's invoice fields show when the option is chosen (CSS, no JavaScript
 * needed), a bad KvK number gets a Dutch error with a summary, and the
 * confirmation says the order awaits approval and the invoice follows by e-mail.
 */

/** Two signs for a municipality, to the payment step. */
const toPaymentStep = (page: Page) =>
  toPaymentStepWith(
    page,
    { "E-mailadres": "wijkmanager@utrecht.example", Voornaam: "Sanne", Achternaam: "Bakker", Postcode: "3521 AZ", Huisnummer: "1", Straat: "Stadsplateau", Plaats: "Utrecht" },
    2,
  )

for (const javaScriptEnabled of [true, false]) {
  test(`orders on invoice with a validation error first (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    await toPaymentStep(page)

    // The invoice fields appear only when "Op factuur" is chosen.
    const organisation = page.getByLabel(/Naam gemeente of organisatie/)
    await expect(organisation).toBeHidden()
    await page.getByRole("radio", { name: /Op factuur \(gemeente\/organisatie\)/ }).check()
    await expect(organisation).toBeVisible()

    await organisation.fill("Gemeente Utrecht")
    await page.getByLabel("KvK-nummer", { exact: true }).fill("3020341")
    await page.getByLabel(/Inkoopnummer of referentie/).fill("INK-2026-7")
    await page.getByRole("button", { name: "Bestellen en betalen" }).click()

    const summary = page.getByTestId("error-summary")
    await expect(summary).toContainText("Eén veld is nog niet goed ingevuld:")
    await expect(summary.getByRole("link", { name: "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678." })).toHaveAttribute(
      "href",
      "#field-kvk_number"
    )
    const kvk = page.getByLabel("KvK-nummer", { exact: true })
    await expect(kvk).toHaveAttribute("aria-invalid", "true")
    await expect(kvk).toHaveAttribute("aria-describedby", /field-kvk_number-error/)
    // The choice and the input are kept.
    await expect(page.getByRole("radio", { name: /Op factuur/ })).toBeChecked()
    await expect(organisation).toHaveValue("Gemeente Utrecht")
    await expect(page.getByLabel(/Inkoopnummer of referentie/)).toHaveValue("INK-2026-7")

    await kvk.fill("3020 3410")
    await page.getByRole("button", { name: "Bestellen en betalen" }).click()

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bestelling!")
    const notice = page.getByTestId("invoice-notice")
    await expect(notice.getByRole("heading")).toHaveText("Je bestelling wacht op goedkeuring")
    await expect(notice).toContainText("Gemeente Utrecht")
    await expect(notice).toContainText("De factuur volgt per e-mail naar wijkmanager@utrecht.example")
    await context.close()
  })
}

test("paying on account (not on invoice) shows no approval notice", async ({ page }) => {
  await toPaymentStep(page)
  // Start on invoice with an error, then change one's mind.
  await page.getByRole("radio", { name: /Op factuur/ }).check()
  await page.getByRole("button", { name: "Bestellen en betalen" }).click()
  await expect(page.getByTestId("error-summary")).toContainText("2 velden")
  await page.getByRole("radio", { name: /Betalen op rekening/ }).check()
  await page.getByRole("button", { name: "Bestellen en betalen" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bestelling!")
  await expect(page.getByTestId("invoice-notice")).toHaveCount(0)
})

test("staff see the invoice order awaiting approval in the admin, approve it and download the PDF", async ({ page }) => {
  // A whole checkout plus the admin's first load: 59.5 s of the default 60 at load 11.
  test.setTimeout(120_000)
  await toPaymentStep(page)
  await page.getByRole("radio", { name: /Op factuur/ }).check()
  await page.getByLabel(/Naam gemeente of organisatie/).fill("Gemeente Amersfoort")
  await page.getByLabel("Btw-nummer", { exact: true }).fill("NL001234567B01")
  await page.getByRole("button", { name: "Bestellen en betalen" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bestelling!")
  const orderId = new URL(page.url()).pathname.split("/").pop()!

  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local")
  await page.locator('input[name="password"]').fill(process.env.ADMIN_PASSWORD ?? "buurtpreventie")
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: 30_000 })

  await page.goto(`${BACKEND_URL}/app/orders/${orderId}`)
  await expect(page.getByText("Factuur: wacht op goedkeuring")).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText("Gemeente Amersfoort")).toBeVisible()
  await page.getByRole("button", { name: "Goedkeuren" }).click()
  await expect(page.getByText("Factuur: goedgekeurd, wacht op betaling")).toBeVisible()
  const download = page.getByRole("link", { name: "Factuur downloaden (PDF)" })
  await expect(download).toBeVisible()

  const pdf = await page.request.get(`${BACKEND_URL}/admin/orders/${orderId}/invoice/pdf`)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()["content-type"]).toBe("application/pdf")
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-")
})
