import fs from "node:fs"
import path from "node:path"
import AxeBuilder from "@axe-core/playwright"
import { type APIRequestContext, expect, type Page, test } from "@playwright/test"
import { type ApiGroup, noticeAuthor } from "./support/group-admin"

/**
 * A wijkagent/municipality account on the storefront: staff create it through the admin
 * API, it signs in at /meldingen/inloggen, gets a Dutch error for an end before the start,
 * places a notice for its municipality (the group admins there are mailed, the group's
 * public page shows it), withdraws it, and signs out.
 */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""

/** A seeded group with a municipality code (an offset other specs do not use). */
async function seededGroup(request: APIRequestContext): Promise<ApiGroup> {
  const response = await request.get(`${BACKEND_URL}/store/groups?limit=20&offset=100`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
  expect(response.ok()).toBeTruthy()
  const group = ((await response.json()) as { groups: ApiGroup[] }).groups.find((g) => g.gemeente_code)
  expect(group).toBeTruthy()
  return group!
}

/** Serious and critical axe violations, described so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

/** The decoded .eml files of area notices that mention `text`. */
function noticeMailsWith(text: string): string[] {
  const dir = process.env.MAIL_DIR
  if (!dir || !fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml") && f.includes("area-notice"))
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), "utf8").replace(/=\r?\n/g, "")
      return Buffer.from(raw.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8")
    })
    .filter((mail) => mail.includes(text))
}

test("a wijkagent account signs in, places a notice for its municipality and withdraws it", async ({ page, request }) => {
  const group = await seededGroup(request)
  const stamp = Date.now()
  const account = await noticeAuthor(request, group, "js")

  // signed out: /meldingen sends to the sign-in page, which is not indexed
  await page.goto("/meldingen")
  await expect(page).toHaveURL(/\/meldingen\/inloggen$/)
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex")

  // a wrong password gets the neutral message
  await page.getByLabel("E-mailadres").fill(account.email)
  await page.getByLabel("Wachtwoord").fill("fout-wachtwoord")
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page.getByTestId("form-error")).toHaveText("Het e-mailadres of wachtwoord klopt niet.")

  expect(await seriousViolations(page), "sign-in page").toEqual([])
  await page.getByLabel("Wachtwoord").fill(account.password)
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page).toHaveURL(/\/meldingen$/)
  await expect(page.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible()
  await expect(page.getByTestId("author-organisation")).toHaveText(account.organisation)
  await expect(page.getByTestId("author-municipalities")).toContainText(group.gemeente)
  const response = await page.request.get("/meldingen")
  expect(response.headers()["cache-control"]).toBe("private, no-store")

  // one municipality: it is checked already; the period defaults to today + 14 days
  const checkbox = page.getByRole("checkbox", { name: `Gemeente ${group.gemeente}` })
  await expect(checkbox).toBeChecked()
  await expect(page.getByLabel("Eerste dag")).not.toHaveValue("")
  await expect(page.getByLabel("Laatste dag")).not.toHaveValue("")

  // an end before the start: the backend's Dutch error, in the summary (focused) and at the field
  const title = `Let op: fietsendiefstal ${stamp}`
  await page.getByLabel("Titel").fill(title)
  await page.getByLabel("Melding", { exact: true }).fill("Zet je fiets op slot, ook in de schuur.")
  await page.getByLabel("Eerste dag").fill("2099-02-10")
  await page.getByLabel("Laatste dag").fill("2099-02-01")
  await page.getByRole("button", { name: "Melding plaatsen" }).click()
  const summary = page.getByTestId("error-summary")
  await expect(summary).toContainText("De einddatum moet na de begindatum liggen")
  await expect(summary).toBeFocused()
  const endField = page.getByLabel("Laatste dag")
  await expect(page.getByTestId("error-ends_at")).toHaveText("De einddatum moet na de begindatum liggen.")
  await expect(endField).toHaveAttribute("aria-invalid", "true")
  await expect(endField).toHaveAttribute("aria-describedby", /field-ends_at-error/)
  // what was typed stays
  await expect(page.getByLabel("Titel")).toHaveValue(title)
  expect(await seriousViolations(page), "form with an error").toEqual([])

  // a current notice for its own municipality
  const today = await page.evaluate(() => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()))
  await page.getByLabel("Eerste dag").fill(today)
  await page.getByLabel("Laatste dag").fill("2099-01-01")
  await page.getByRole("button", { name: "Melding plaatsen" }).click()
  await expect(page.getByTestId("notice")).toContainText(/Melding geplaatst\. Hij is naar \d+ groepsbeheerders? gestuurd\./)
  const item = page.getByTestId("author-notice").filter({ hasText: title })
  await expect(item.getByTestId("notice-status")).toHaveText("Actueel")
  await expect(item).toContainText("tot en met 1 januari 2099")
  await expect(item.getByTestId("notice-deliveries")).toHaveText(/Naar [1-9]\d* groepsbeheerders? gestuurd/)
  // the form is empty again
  await expect(page.getByLabel("Titel")).toHaveValue("")
  if (process.env.MAIL_DIR) expect(noticeMailsWith(title).length).toBeGreaterThan(0)

  // the group's public page shows it, signed with the organisation (the storefront caches notices ~10 s)
  const publicPage = await page.context().newPage()
  await expect(async () => {
    await publicPage.goto(`/groepen/${group.slug}`)
    await expect(publicPage.getByRole("region", { name: "Meldingen in deze buurt" }).getByRole("heading", { name: title })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 40_000, intervals: [2_000, 5_000] })
  await expect(publicPage.getByRole("region", { name: "Meldingen in deze buurt" })).toContainText(`${account.organisation} · geldig van`)

  // withdraw: a confirmation first, then the notice is marked withdrawn
  // "Intrekken" plus the title for screen readers (Chromium puts a space before the hidden part)
  await item.getByRole("link", { name: new RegExp(`^Intrekken\\s*: ${title}$`) }).click()
  const confirm = page.getByRole("group", { name: `Melding “${title}” intrekken?` })
  await expect(confirm).toBeFocused()
  await confirm.getByRole("button", { name: "Ja, intrekken" }).click()
  await expect(page.getByTestId("notice")).toContainText("De melding is ingetrokken.")
  await expect(item.getByTestId("notice-status")).toHaveText("Ingetrokken")
  await expect(item.getByRole("link", { name: /Intrekken/ })).toHaveCount(0)
  await expect(async () => {
    await publicPage.reload()
    await expect(publicPage.getByRole("heading", { name: title })).toHaveCount(0)
  }).toPass({ timeout: 40_000, intervals: [5_000] })

  // signing out forgets the notice account only
  await page.getByRole("button", { name: "Uitloggen" }).click()
  await expect(page).toHaveURL(/\/meldingen\/inloggen$/)
  await page.goto("/meldingen")
  await expect(page).toHaveURL(/\/meldingen\/inloggen$/)

  const robots = await (await request.get("/robots.txt")).text()
  expect(robots).toMatch(/^Disallow: \/meldingen$/m)
})

test("without JavaScript the form shows every error at once, and a notice is placed", async ({ browser, request }) => {
  const group = await seededGroup(request)
  const account = await noticeAuthor(request, group, "nojs")
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/meldingen/inloggen")
  await page.getByLabel("E-mailadres").fill(account.email)
  await page.getByLabel("Wachtwoord").fill(account.password)
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page).toHaveURL(/\/meldingen$/)

  // nothing filled in and no area: one message per field, linked from the summary
  await page.getByRole("checkbox", { name: `Gemeente ${group.gemeente}` }).uncheck()
  await page.getByRole("button", { name: "Melding plaatsen" }).click()
  const summary = page.getByTestId("error-summary")
  await expect(summary).toContainText("3 velden zijn nog niet goed ingevuld")
  await expect(summary.getByRole("link", { name: "Vul een titel in" })).toHaveAttribute("href", "#field-title")
  await expect(summary.getByRole("link", { name: /minstens één gemeente of postcodegebied/ })).toHaveAttribute(
    "href",
    `#field-municipality_codes-${group.gemeente_code}`,
  )
  await expect(page.getByTestId("error-body")).toHaveText("Schrijf de melding.")
  await expect(page.getByLabel("Melding", { exact: true })).toHaveAttribute("aria-describedby", /field-body-error/)

  // a postcode outside its municipalities is refused by the backend, in Dutch
  await page.getByLabel("Titel").fill(`Let op: oplichters aan de deur ${Date.now()}`)
  await page.getByLabel("Melding", { exact: true }).fill("Laat niemand binnen die je niet kent.")
  // Amsterdam's city centre, or Utrecht's when the group is in Amsterdam
  const foreign = group.gemeente_code === "0363" ? "3511" : "1012"
  await page.getByLabel("Postcodegebieden (PC4)").fill(foreign)
  await page.getByRole("button", { name: "Melding plaatsen" }).click()
  await expect(page.getByTestId("error-postcodes")).toHaveText(`Deze postcodes liggen niet in je gemeenten: ${foreign}.`)
  await expect(page.getByLabel("Postcodegebieden (PC4)")).toHaveAttribute("aria-describedby", "field-postcodes-hint field-postcodes-error")

  await page.getByLabel("Postcodegebieden (PC4)").fill("")
  await page.getByRole("checkbox", { name: `Gemeente ${group.gemeente}` }).check()
  await page.getByRole("button", { name: "Melding plaatsen" }).click()
  await expect(page.getByTestId("notice")).toContainText("Melding geplaatst.")
  const item = page.getByTestId("author-notice").filter({ hasText: "Let op: oplichters aan de deur" })
  await expect(item.getByTestId("notice-status")).toHaveText("Actueel")

  // withdrawing: the link opens the confirmation, its button posts
  await item.getByRole("link", { name: /^Intrekken/ }).click()
  await page.getByRole("button", { name: "Ja, intrekken" }).click()
  await expect(item.getByTestId("notice-status")).toHaveText("Ingetrokken")
  await page.getByRole("button", { name: "Uitloggen" }).click()
  await expect(page).toHaveURL(/\/meldingen\/inloggen$/)
  await context.close()
})
