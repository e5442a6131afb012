import { expect, type Page } from "@playwright/test"

/**
 * Fills the checkout's details step; `overrides` replace single fields (by label).
 * A Dutch address has postcode, huisnummer, straat and plaats (the lookup finds nothing
 * for the default address, so the typed street stays); a Belgian one a free street line.
 */
export async function fillAddress(page: Page, overrides: Record<string, string> = {}) {
  // wait for the details form (a client-side navigation may still be on its way), then see which country it asks for
  await expect(page.getByLabel("Land", { exact: true })).toBeVisible()
  const dutch = await page.getByLabel("Huisnummer", { exact: true }).isVisible()
  const values: Record<string, string> = {
    "E-mailadres": "jan.devries@example.com",
    Voornaam: "Jan",
    Achternaam: "de Vries",
    ...(dutch
      ? { Postcode: "3511 AB", Huisnummer: "12", Straat: "Dorpsstraat", Plaats: "Utrecht" }
      : { "Straat en huisnummer": "Dorpsstraat 12", Postcode: "3511 AB", Plaats: "Utrecht" }),
    ...overrides,
  }
  for (const [label, value] of Object.entries(values)) {
    await page.getByLabel(label, { exact: true }).fill(value)
  }
}

/** From the cart page through details and shipping to "Betalen op rekening"; returns the order number. */
export async function checkOutOnAccount(page: Page, address: Record<string, string> = {}): Promise<number> {
  await page.goto("/winkelmand")
  await page.getByRole("link", { name: "Afrekenen" }).click()
  await fillAddress(page, address)
  await page.getByRole("button", { name: "Verder naar verzending" }).click()
  // each step is a round trip through Medusa: generous on a shared, loaded machine (as toPaymentStep)
  await expect(page.getByRole("heading", { name: "Verzending" })).toBeVisible({ timeout: 30_000 })
  await page.getByRole("button", { name: "Verder naar betalen" }).click()
  await page.getByText("Betalen op rekening").click({ timeout: 30_000 })
  await page.getByRole("button", { name: "Bestellen en betalen" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bestelling!", { timeout: 30_000 })
  return Number((await page.getByTestId("order-number").innerText()).replace("#", ""))
}

/** Puts `quantity` aluminium street signs in the cart (works with and without JavaScript). */
export async function addSignToCart(page: Page, quantity = 1) {
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  if (quantity !== 1) await page.getByLabel("Aantal").fill(String(quantity))
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Product toegevoegd aan winkelmand", { timeout: 30_000 })
}

/** A cart with signs, through details (fillAddress; `address` overrides fields) and shipping to the payment step. */
export async function toPaymentStep(page: Page, address: Record<string, string> = {}, quantity = 1) {
  await addSignToCart(page, quantity)
  await page.goto("/afrekenen")
  await fillAddress(page, address)
  await page.getByRole("button", { name: "Verder naar verzending" }).click()
  await expect(page.getByRole("heading", { name: "Verzending" })).toBeVisible({ timeout: 30_000 })
  await page.getByRole("button", { name: "Verder naar betalen" }).click()
  await expect(page.getByRole("heading", { name: "Controleren en betalen" })).toBeVisible({ timeout: 30_000 })
}
