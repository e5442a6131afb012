import AxeBuilder from "@axe-core/playwright"
import { expect, type Page, test } from "@playwright/test"
import { checkOutOnAccount } from "./support/checkout"
import { type ApiGroup, mailFor, seededGroup, staffModerates, staffToken } from "./support/group-admin"

/**
 * A group admin's account end to end: staff approve a group (admin API), the admin
 * opens the set-password link from the e-mail (.eml in MAIL_DIR), is signed in,
 * signs out and in again, edits the member count on "Mijn groep" with Dutch errors
 * first, sees the change on the group's public page, orders a sign for the group and
 * sees it counted there, and finally has the data removed.
 */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""

/** Serious and critical axe violations, described so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

test("a group admin sets a password from the e-mail, signs in, edits the group and sees it on the public page", async ({ page, request }) => {
  test.skip(!process.env.MAIL_DIR, "needs MAIL_DIR (set by npm test)")
  // a long story (account, edits, a change awaiting review, an order): more than the default minute on a busy machine
  test.slow()
  const stamp = Date.now()
  const email = `beheer.${stamp}@example.com`
  const name = `Buurtpreventie Accounttest ${stamp}`
  const place = await seededGroup(request, 40)

  // staff add and approve a group (as after a registration)
  const staff = { authorization: `Bearer ${await staffToken(request)}` }
  const created = await request.post(`${BACKEND_URL}/admin/groups`, {
    headers: staff,
    data: {
      name,
      woonplaats: place.woonplaats,
      gemeente: place.gemeente,
      postcodes: [place.postcodes[0]],
      member_count: 12,
      admin_name: "Bea Beheer",
      admin_email: email,
      admin_phone: "06 12345678",
      accepted_rules: true,
    },
  })
  expect(created.ok(), await created.text()).toBeTruthy()
  const group = ((await created.json()) as { group: ApiGroup }).group
  await staffModerates(request, staff, group.id, "approve")

  // the account e-mail with the set-password link
  await expect.poll(() => mailFor(email, "group-account-set-password"), { timeout: 20_000 }).not.toBeNull()
  const mail = mailFor(email, "group-account-set-password")!
  const link = /(https?:\/\/\S+\/wachtwoord-instellen\?token=\S+)/.exec(mail)?.[1]
  expect(link, mail).toBeTruthy()
  const target = new URL(link!)

  await page.goto(`${target.pathname}${target.search}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord instellen")
  await expect(page.getByTestId("account-email")).toHaveText(email)
  // password rules in Dutch first
  await page.getByLabel("Nieuw wachtwoord").fill("kort")
  await page.getByLabel("Herhaal je nieuwe wachtwoord").fill("kort")
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click()
  await expect(page.getByTestId("error-password")).toHaveText("Kies een wachtwoord van minstens 10 tekens.")
  await expect(page.getByLabel("Nieuw wachtwoord")).toHaveAttribute("aria-invalid", "true")
  const password = "fiets boom lantaarn 7"
  await page.getByLabel("Nieuw wachtwoord").fill(password)
  await page.getByLabel("Herhaal je nieuwe wachtwoord").fill(password)
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click()

  // signed in at once
  await expect(page).toHaveURL(/\/mijn-groep$/)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn groep")
  await expect(page.getByTestId("account-link")).toHaveText("Mijn groep")
  const card = page.getByTestId("my-group").filter({ hasText: name })
  await expect(card.getByTestId("group-status")).toHaveText("Status: Staat op de kaart")
  await expect(card.getByRole("link", { name: /Bestel borden voor deze groep/ })).toHaveAttribute("href", `/groepen/${group.slug}/bestellen`)
  expect(await seriousViolations(page), "Mijn groep").toEqual([])

  // the link works once only
  await page.goto(`${target.pathname}${target.search}`)
  await page.getByLabel("Nieuw wachtwoord").fill("nog een ander wachtwoord")
  await page.getByLabel("Herhaal je nieuwe wachtwoord").fill("nog een ander wachtwoord")
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click()
  await expect(page.getByTestId("form-error")).toContainText("Deze link werkt niet meer")

  // sign out, then in again (a wrong password first)
  await page.goto("/mijn-groep")
  await page.getByRole("button", { name: "Uitloggen" }).click()
  await expect(page.getByTestId("account-link")).toHaveText("Inloggen")
  await page.goto("/mijn-groep")
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-groep$/)
  await page.getByLabel("E-mailadres").fill(email)
  await page.getByLabel("Wachtwoord").fill("verkeerd wachtwoord")
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page.getByTestId("form-error")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.")
  await expect(page.getByLabel("E-mailadres")).toHaveValue(email)
  await page.getByLabel("Wachtwoord").fill(password)
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)

  // edit the member count: a Dutch error first, then the change
  await card.getByRole("link", { name: /Gegevens aanpassen/ }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} aanpassen`)
  await page.getByLabel("Aantal leden").fill("300")
  await page.getByRole("button", { name: "Opslaan" }).click()
  await expect(page.getByTestId("error-member_count")).toHaveText("Een WhatsApp-groep heeft hoogstens 256 leden.")
  await expect(page.getByTestId("error-summary")).toBeFocused()
  expect(await seriousViolations(page), "edit form with errors").toEqual([])
  await page.getByLabel("Aantal leden").fill("77")
  await page.getByRole("button", { name: "Opslaan" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)
  await expect(page.getByTestId("my-group").filter({ hasText: name }).getByTestId("my-group-members")).toHaveText("77 leden")
  await expect(page.getByTestId("pending-changes")).toHaveCount(0)

  // a new name waits for staff: "Mijn groep" says so (old → new), the edit form keeps it, the public page does not show it
  await card.getByRole("link", { name: /Gegevens aanpassen/ }).click()
  await page.getByLabel("Naam van de groep").fill(`${name} Noord`)
  await page.getByRole("button", { name: "Opslaan" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)
  const waiting = page.getByTestId("pending-changes")
  await expect(waiting.getByRole("heading")).toHaveText("Je wijziging wacht op goedkeuring")
  await expect(waiting.getByRole("row", { name: /Naam/ })).toContainText(`${name} Noord`)
  expect(await seriousViolations(page), "Mijn groep with a change awaiting review").toEqual([])
  await card.getByRole("link", { name: /Gegevens aanpassen/ }).click()
  await expect(page.getByLabel("Naam van de groep")).toHaveValue(`${name} Noord`)
  await page.goto(`/groepen/${group.slug}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name)

  // the public page shows it (directory reads are cached briefly, and by the browser: reload until it does)
  await page.goto(`/groepen/${group.slug}`)
  await expect
    .poll(
      async () => {
        await page.reload()
        return (await page.locator("main").textContent()) ?? ""
      },
      { timeout: 30_000, intervals: [500, 1_000, 2_000, 5_000] },
    )
    .toContain("77 leden")
  expect(await page.locator("main").textContent()).not.toContain(email)

  // order signs for the group from "Mijn groep"; its public page then counts them
  await page.goto("/mijn-groep")
  await page.getByTestId("my-group").filter({ hasText: name }).getByRole("link", { name: /Bestel borden voor deze groep/ }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Borden bestellen voor ${name}`)
  await page.getByRole("button", { name: "Bestellen voor deze buurtgroep" }).click()
  await expect(page).toHaveURL(/\/winkel\/borden$/)
  await page.getByRole("link", { name: "Straatbord WhatsApp-buurtpreventie", exact: true }).click()
  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Product toegevoegd aan winkelmand")
  await page.goto("/winkelmand")
  await expect(page.getByTestId("cart-group")).toContainText(`Bestelling voor buurtgroep ${name}`)
  await checkOutOnAccount(page, { "E-mailadres": email, Voornaam: "Bea", Achternaam: "Beheer" })
  // The page is cached by the browser (max-age=60) and the storefront (15 s): reload until the count is there.
  await page.goto(`/groepen/${group.slug}`)
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId("signs-ordered")).toHaveText("1 bord in deze buurt", { timeout: 1_000 })
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 3_000] })

  // robots keep crawlers out of the account pages
  const robots = await (await request.get("/robots.txt")).text()
  expect(robots).toContain("Disallow: /mijn-groep")

  // "Verwijder mijn gegevens": a confirmation step, then the group leaves the directory and the account is gone
  await page.goto("/mijn-groep")
  await page.getByRole("link", { name: "Verwijder mijn gegevens" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn gegevens verwijderen")
  await expect(page.locator("main")).toContainText(name)
  await page.getByRole("button", { name: "Ja, verwijder mijn gegevens" }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId("account-link")).toHaveText("Inloggen")
  const gone = await request.get(`${BACKEND_URL}/store/groups/${group.slug}`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
  expect(gone.status()).toBe(404)
  const signIn = await request.post(`${BACKEND_URL}/auth/customer/emailpass`, { data: { email, password } })
  expect(signIn.status()).toBe(401)
})

test("forgotten password gives the same neutral answer for any address", async ({ page }) => {
  await page.goto("/inloggen")
  expect(await seriousViolations(page), "sign-in page").toEqual([])
  for (const address of [`niemand.${Date.now()}@example.com`, "admin@buurtpreventie.local"]) {
    await page.goto("/wachtwoord-vergeten")
    await page.getByLabel("E-mailadres").fill(address)
    await page.getByRole("button", { name: "Stuur me een link" }).click()
    await expect(page).toHaveURL(/\/wachtwoord-vergeten\?verstuurd=1$/)
    await expect(page.getByTestId("form-info")).toContainText("Als er een account bij dit e-mailadres hoort")
  }
  await page.getByLabel("E-mailadres").fill("geen adres")
  await page.getByRole("button", { name: "Stuur me een link" }).click()
  await expect(page.getByTestId("error-email")).toHaveText("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
})
