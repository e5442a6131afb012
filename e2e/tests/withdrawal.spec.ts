import fs from "node:fs"
import path from "node:path"
import AxeBuilder from "@axe-core/playwright"
import { expect, type Page, test } from "@playwright/test"
import { checkOutOnAccount } from "./support/checkout"

/**
 * The EU withdrawal function: from the order confirmation page, "Overeenkomst
 * herroepen" takes the order number (filled in) and the e-mail address, shows what
 * will be withdrawn, and "Bevestig herroeping" records it and e-mails the shopper.
 * A wrong e-mail address gets the neutral answer. With and without JavaScript.
 */

/** The .eml files the backend wrote to MAIL_DIR (set by `npm test`). */
function mails(): string[] {
  const dir = process.env.MAIL_DIR
  if (!dir || !fs.existsSync(dir)) return []
  return fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
}

/** Serious and critical axe violations (WCAG 2.2 AA checks), described so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

async function addSign(page: Page) {
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  await page.getByLabel("Aantal").fill("1")
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Product toegevoegd aan winkelmand", { timeout: 30_000 })
}

// Two checkouts and five form posts per test: generous on a shared, loaded machine.
test.describe.configure({ timeout: 240_000 })

for (const javaScriptEnabled of [true, false]) {
  test(`withdraws an order from its confirmation page (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    const email = `herroepen-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.com`
    await addSign(page)
    const orderNumber = await checkOutOnAccount(page, { "E-mailadres": email })

    await page.getByRole("main").getByTestId("withdrawal-link").click()
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overeenkomst herroepen")
    await expect(page.getByLabel("Bestelnummer")).toHaveValue(String(orderNumber))

    // A wrong address: the neutral answer, nothing about whether the order exists; input kept.
    const emailField = page.getByLabel("E-mailadres van je bestelling")
    await emailField.fill("iemand.anders@example.com")
    await page.getByRole("button", { name: "Verder naar bevestigen" }).click()
    await expect(page.getByRole("alert")).toHaveText(
      "We kunnen met dit bestelnummer en e-mailadres geen bestelling herroepen. Controleer beide gegevens in de bevestigingsmail van je bestelling en probeer het opnieuw."
    )
    await expect(page.getByLabel("Bestelnummer")).toHaveValue(String(orderNumber))

    // A malformed address: a Dutch error on the field.
    await page.getByLabel("E-mailadres van je bestelling").fill("geen-adres")
    await page.getByRole("button", { name: "Verder naar bevestigen" }).click()
    await expect(page.getByTestId("error-email")).toHaveText("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
    await expect(page.getByLabel("E-mailadres van je bestelling")).toHaveAttribute("aria-invalid", "true")
    if (javaScriptEnabled) expect(await seriousViolations(page), "step 1 with errors").toEqual([])

    // Step 2 shows what is withdrawn; nothing is recorded before "Bevestig herroeping".
    await page.getByLabel("E-mailadres van je bestelling").fill(email.toUpperCase())
    await page.getByRole("button", { name: "Verder naar bevestigen" }).click()
    await expect(page.getByRole("heading", { name: `Bevestig je herroeping van bestelling #${orderNumber}` })).toBeVisible()
    await expect(page.getByTestId("withdrawal-items")).toContainText("1 × Straatbord WhatsApp-buurtpreventie")
    if (javaScriptEnabled) {
      await expect(page.getByRole("heading", { name: /Bevestig je herroeping/ })).toBeFocused()
      expect(await seriousViolations(page), "step 2").toEqual([])
    }
    const before = Date.now()
    await page.getByRole("button", { name: "Bevestig herroeping" }).click()

    await expect(page.getByRole("heading", { name: "Je herroeping is ontvangen" })).toBeVisible()
    const receivedAt = page.getByTestId("withdrawal-received-at")
    await expect(receivedAt).toContainText(`We hebben je herroeping van bestelling #${orderNumber} ontvangen op`)
    const today = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(before))
    await expect(receivedAt).toContainText(new RegExp(`${today} om \\d{2}:\\d{2}`))
    await expect(page.getByText(`We hebben een bevestiging gestuurd naar ${email.toLowerCase()}`)).toBeVisible()
    if (javaScriptEnabled) expect(await seriousViolations(page), "received").toEqual([])

    // Confirming again (back button, double submit) changes nothing: the first time stays.
    await page.goto(`/herroepen?bestelling=${orderNumber}`)
    await page.getByLabel("E-mailadres van je bestelling").fill(email)
    await page.getByRole("button", { name: "Verder naar bevestigen" }).click()
    await expect(page.getByRole("heading", { name: "Deze bestelling is al herroepen" })).toBeVisible()

    test.skip(!process.env.MAIL_DIR, "MAIL_DIR is set by `npm test`")
    await expect
      .poll(() => mails().filter((m) => m.includes(`Subject: Bevestiging van je herroeping: bestelling #${orderNumber}`)).length, { timeout: 20_000 })
      .toBe(1)
    await context.close()
  })
}
