import { expect, test } from "@playwright/test"
import { expectErrorAtField } from "./support/field-errors"
import { noticeAuthor, seededGroup, signedInGroupAdmin } from "./support/group-admin"

/**
 * The backend is the one judge of the group forms: the storefront sends what the
 * visitor typed, and the backend's Dutch error per field appears next to that field
 * (aria-invalid, aria-describedby) and in the error summary, with and without JavaScript.
 * Every value below is refused only by the backend (the storefront checks none of them).
 */

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled })
    const label = javaScriptEnabled ? "js" : "nojs"

    test("registration: an invite link in the name is refused by the backend, at the name", async ({ page, request }) => {
      const place = await seededGroup(request, 61)
      await page.goto("/groepen/aanmelden")
      const values: Record<string, string> = {
        "Naam van de groep": "Buurtpreventie chat.whatsapp.com/AbCdEf",
        Woonplaats: place.woonplaats,
        "Postcodes van je buurt": place.postcodes[0]!,
        "Aantal leden": "25",
        "Je naam": "Eva Proef",
        "Je e-mailadres": `eva.veldfout.${label}.${Date.now()}@example.com`,
        "Je telefoonnummer": "06 12345678",
      }
      for (const [field, value] of Object.entries(values)) await page.getByLabel(field, { exact: true }).fill(value)
      await page.getByRole("checkbox", { name: /gedragsregels/ }).check()
      await page.getByRole("button", { name: "Groep aanmelden" }).click()
      await expectErrorAtField(page, page.getByLabel("Naam van de groep", { exact: true }), /Deel nooit de uitnodigingslink van je groep/)
      await expect(page.getByTestId("error-summary").getByRole("link", { name: /Deel nooit de uitnodigingslink/ })).toHaveAttribute("href", "#field-name")
      await expect(page.getByLabel("Woonplaats", { exact: true })).toHaveValue(place.woonplaats)
    })

    test("contact: a message that is too short is refused by the backend, at the message", async ({ page, request }) => {
      const group = await seededGroup(request, 62)
      await page.goto(`/groepen/${group.slug}`)
      await page.getByLabel("Je naam", { exact: true }).fill("Piet Buur")
      await page.getByLabel("Je e-mailadres", { exact: true }).fill("piet.buur@example.com")
      await page.getByLabel("Je bericht", { exact: true }).fill("Hoi")
      await page.getByRole("button", { name: "Bericht versturen" }).click()
      await expectErrorAtField(page, page.getByLabel("Je bericht", { exact: true }), "Je bericht moet minstens 10 tekens lang zijn.")
      await expect(page.getByLabel("Je e-mailadres", { exact: true })).toHaveValue("piet.buur@example.com")
    })

    test("Mijn groep: a member count above WhatsApp's limit is refused by the backend, at the field", async ({ browser, page, request }) => {
      test.skip(!process.env.MAIL_DIR, "needs MAIL_DIR (set by npm test)")
      test.slow()
      const place = await seededGroup(request, 63)
      const { group } = await signedInGroupAdmin(browser, page, request, place, label)
      await page.goto(`/mijn-groep/${group.id}`)
      await page.getByLabel("Aantal leden", { exact: true }).fill("300")
      await page.getByRole("button", { name: "Opslaan" }).click()
      await expectErrorAtField(page, page.getByLabel("Aantal leden", { exact: true }), "Een WhatsApp-groep heeft hoogstens 256 leden.")
    })

    test("sign-in: the backend's refusal is shown with the form, the e-mail kept", async ({ page }) => {
      const email = `niemand.${label}.${Date.now()}@example.com`
      await page.goto("/inloggen")
      await page.getByLabel("E-mailadres", { exact: true }).fill(email)
      await page.getByLabel("Wachtwoord", { exact: true }).fill("verkeerd wachtwoord")
      await page.getByRole("button", { name: "Inloggen" }).click()
      await expect(page.getByTestId("form-error")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.")
      await expect(page.getByLabel("E-mailadres", { exact: true })).toHaveValue(email)
    })

    test("notices: a postcode outside the account's municipalities is refused by the backend, at the field", async ({ page, request }) => {
      const response = await request.get(`${process.env.BACKEND_URL ?? "http://localhost:9000"}/store/groups?limit=20&offset=100`, {
        headers: { "x-publishable-api-key": process.env.PUBLISHABLE_KEY ?? "" },
      })
      const group = ((await response.json()) as { groups: Awaited<ReturnType<typeof seededGroup>>[] }).groups.find((g) => g.gemeente_code)!
      const account = await noticeAuthor(request, group, `veldfout-${label}`)
      await page.goto("/meldingen/inloggen")
      await page.getByLabel("E-mailadres").fill(account.email)
      await page.getByLabel("Wachtwoord").fill(account.password)
      await page.getByRole("button", { name: "Inloggen" }).click()
      await expect(page).toHaveURL(/\/meldingen$/)
      await page.getByLabel("Titel").fill(`Let op: veldfout ${label}`)
      await page.getByLabel("Melding", { exact: true }).fill("Laat niemand binnen die je niet kent.")
      const foreign = group.gemeente_code === "0363" ? "3511" : "1012"
      await page.getByLabel("Postcodegebieden (PC4)").fill(foreign)
      await page.getByRole("button", { name: "Melding plaatsen" }).click()
      await expectErrorAtField(page, page.getByLabel("Postcodegebieden (PC4)"), `Deze postcodes liggen niet in je gemeenten: ${foreign}.`)
    })
  })
}
