import { expect, test } from "@playwright/test"
import { addSignToCart, fillAddress, toPaymentStep } from "./support/checkout"
import { expectErrorAtField } from "./support/field-errors"

/**
 * The checkout puts each error next to its field (aria-invalid, aria-describedby) and in
 * the error summary, and keeps what was typed, with and without JavaScript. The address
 * step's postcode is the storefront's own rule (lib/address/address.ts: no backend route checks
 * the cart's address); the invoice step's KvK number is judged by the backend
 * (POST /store/invoice/carts/:id) and the form shows the backend's message.
 */

const POSTCODE_MESSAGE = "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 1234 AB."
const KVK_MESSAGE = "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678."

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled })

    test("address step: a Dutch postcode without its full four digits is refused at the postcode field", async ({ page }) => {
      await addSignToCart(page)
      await page.goto("/afrekenen")
      await fillAddress(page, { Postcode: "12AB", Straat: "Stadsplateau", Plaats: "Utrecht" })
      await page.getByRole("button", { name: "Verder naar verzending" }).click()

      await expectErrorAtField(page, page.getByLabel("Postcode", { exact: true }), POSTCODE_MESSAGE)
      await expect(page.getByTestId("error-summary")).toContainText("Eén veld is nog niet goed ingevuld")
      await expect(page.getByRole("heading", { name: "Je gegevens" })).toBeVisible()
      // What was typed stays.
      await expect(page.getByLabel("Postcode", { exact: true })).toHaveValue("12AB")
      await expect(page.getByLabel("Huisnummer", { exact: true })).toHaveValue("12")
      await expect(page.getByLabel("Straat", { exact: true })).toHaveValue("Stadsplateau")
      await expect(page.getByLabel("E-mailadres", { exact: true })).toHaveValue("jan.devries@example.com")
    })

    test("invoice step: the backend's refusal of a KvK number is shown at the KvK field", async ({ page }) => {
      await toPaymentStep(page)
      await page.getByRole("radio", { name: /Op factuur/ }).check()
      await page.getByLabel(/Naam gemeente of organisatie/).fill("Gemeente Houten")
      await page.getByLabel("KvK-nummer", { exact: true }).fill("1234")
      await page.getByLabel(/Inkoopnummer of referentie/).fill("PO-veldfout")
      await page.getByRole("button", { name: "Bestellen en betalen" }).click()

      await expectErrorAtField(page, page.getByLabel("KvK-nummer", { exact: true }), KVK_MESSAGE)
      await expect(page.getByTestId("error-summary")).toContainText("Eén veld is nog niet goed ingevuld")
      // The choice and what was typed stay; no order was placed.
      await expect(page.getByRole("radio", { name: /Op factuur/ })).toBeChecked()
      await expect(page.getByLabel("KvK-nummer", { exact: true })).toHaveValue("1234")
      await expect(page.getByLabel(/Naam gemeente of organisatie/)).toHaveValue("Gemeente Houten")
      await expect(page.getByLabel(/Inkoopnummer of referentie/)).toHaveValue("PO-veldfout")
      await expect(page.getByRole("heading", { name: "Controleren en betalen" })).toBeVisible()
    })
  })
}
