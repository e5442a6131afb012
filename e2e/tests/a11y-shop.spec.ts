import AxeBuilder from "@axe-core/playwright"
import { expect, type Page, test } from "@playwright/test"

/** Serious and critical axe violations, described so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

test("product, category, cart and checkout pages have no serious or critical accessibility violations (axe)", async ({ page }) => {
  // six axe analyses of whole pages: on a loaded 2-core machine that alone took over a minute
  test.setTimeout(180_000)
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  expect(await seriousViolations(page), "product page").toEqual([])

  await page.goto("/winkel/stickers")
  expect(await seriousViolations(page), "category page").toEqual([])

  // With an item in the cart, including the notice toast.
  await page.goto("/producten/autosticker")
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toBeVisible()
  expect(await seriousViolations(page), "product page with notice").toEqual([])

  await page.goto("/winkelmand")
  expect(await seriousViolations(page), "cart").toEqual([])

  await page.goto("/afrekenen")
  expect(await seriousViolations(page), "checkout details").toEqual([])

  // The form with errors shown.
  await page.getByRole("button", { name: "Verder naar verzending" }).click()
  await expect(page.getByRole("alert")).toBeVisible()
  expect(await seriousViolations(page), "checkout details with errors").toEqual([])
})
