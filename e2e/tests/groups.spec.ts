import AxeBuilder from "@axe-core/playwright"
import { type APIRequestContext, expect, type Page, test } from "@playwright/test"
import fs from "node:fs"
import path from "node:path"
import { mailFor } from "./support/group-admin"

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""

type ApiGroup = {
  slug: string
  name: string
  woonplaats: string
  gemeente: string
  gemeente_slug: string
  postcodes: string[]
  member_count: number
}

/** One seeded, approved group, straight from the store API. */
async function seededGroup(request: APIRequestContext, offset = 0): Promise<ApiGroup> {
  const response = await request.get(`${BACKEND_URL}/store/groups?limit=1&offset=${offset}`, {
    headers: { "x-publishable-api-key": PUBLISHABLE_KEY },
  })
  expect(response.ok()).toBeTruthy()
  const { groups, count } = (await response.json()) as { groups: ApiGroup[]; count: number }
  expect(count).toBeGreaterThanOrEqual(150)
  return groups[0]!
}

/** The .eml files the backend wrote to MAIL_DIR (set by `npm test`), quoted-printable line breaks joined. */
function mails(): string[] {
  const dir = process.env.MAIL_DIR
  if (!dir || !fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8").replace(/=\r?\n/g, ""))
}

/** "1,4 km" → 1.4; "1.234 km" → 1234. */
function kilometres(text: string): number {
  const match = /^(\d{1,3}(?:\.\d{3})*)(?:,(\d))? km$/.exec(text.trim())
  expect(match, `"${text}" is a Dutch distance`).not.toBeNull()
  return Number(`${match![1]!.replace(/\./g, "")}.${match![2] ?? "0"}`)
}

/** Everything outside the storefront fails, as it does offline (map tiles above all). */
async function offline(page: Page, baseURL: string | undefined) {
  const origin = new URL(baseURL ?? "http://localhost:3000").origin
  await page.route((url) => url.origin !== origin, (route) => route.abort("internetdisconnected"))
}

test("find a group by postcode: nearest first, with Dutch distances, then open it", async ({ page, request }) => {
  const group = await seededGroup(request)
  const pc4 = group.postcodes[0]!

  await page.goto("/groepen")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vind de buurtpreventiegroep in jouw straat")
  await expect(page.getByTestId("footer-geonames")).toContainText("Postcodegegevens: GeoNames (CC BY 4.0)")
  await page.getByLabel("Postcode, plaats of naam van de groep").fill(`${pc4} AB`)
  await page.getByRole("button", { name: "Zoeken" }).click()

  await expect(page).toHaveURL(new RegExp(`/groepen\\?zoek=${pc4}`))
  await expect(page.getByRole("heading", { name: new RegExp(`Groepen bij postcode ${pc4} AB`) })).toBeVisible()
  await expect(page.getByTestId("result-count")).toHaveText(/^Groep 1–20 van \d+$/)
  const results = page.getByTestId("group-result")
  await expect(results).toHaveCount(20)
  // groups that cover the postcode say "Actief in" instead of a distance (#28); the others show how far
  const covering = await results.filter({ hasText: `Actief in ${pc4}` }).count()
  expect(covering).toBeGreaterThan(0)
  const distances = (await page.getByTestId("group-distance").allInnerTexts()).map(kilometres)
  expect(distances).toHaveLength(20 - covering)
  expect(distances).toEqual([...distances].sort((a, b) => a - b))

  // The group that names this postcode is among the nearest, marked as active there.
  const ours = results.filter({ has: page.getByRole("link", { name: group.name, exact: true }) }).filter({ hasText: group.woonplaats })
  await expect(ours.first()).toBeVisible()
  await expect(ours.first()).toContainText(`Actief in ${pc4}`)
  await expect(ours.first()).toContainText(group.member_count === 1 ? "1 lid" : `${group.member_count} leden`)

  // Pagination keeps the search.
  await page.getByRole("link", { name: "Volgende pagina" }).click()
  await expect(page).toHaveURL(new RegExp(`zoek=${pc4}.*pagina=2`))
  await expect(page.getByTestId("result-count")).toHaveText(/^Groep 21–40 van \d+$/)
  // the focus lands on the new page's list, so the next Tab reaches its first group (stranger's walk: it stayed on the link)
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`Groepen bij postcode ${pc4}`) })).toBeFocused()
  await page.keyboard.press("Tab")
  await expect(page.getByTestId("group-result").first().getByRole("link").first()).toBeFocused()
  const next = (await page.getByTestId("group-distance").allInnerTexts()).map(kilometres)
  expect(next[0]!).toBeGreaterThanOrEqual(distances.at(-1) ?? 0)

  await page.goto(`/groepen/${group.slug}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(group.name)
  await expect(page.getByTestId("group-postcodes")).toContainText(pc4)
  await expect(page.getByRole("button", { name: "Bestel borden voor deze buurt" })).toBeVisible()
  await page.getByRole("link", { name: group.gemeente, exact: true }).last().click()
  await expect(page).toHaveURL(new RegExp(`/gemeenten/${group.gemeente_slug}$`))
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Buurtpreventie in ${group.gemeente}`)
  await expect(page.getByTestId("group-count")).toHaveText(/^\d+ WhatsApp-groep(en)?$/)
  await expect(page.getByRole("link", { name: group.name, exact: true }).first()).toBeVisible()
})

test("write to a group's admin: the message is relayed, the admin's address never shown", async ({ page, request }) => {
  const group = await seededGroup(request, 3)
  const stamp = Date.now()
  const sender = { name: "Piet Proef", email: `piet.proef.${stamp}@example.com` }

  await page.goto(`/groepen/${group.slug}`)
  // A message that is too short, without name and e-mail: Dutch errors per field.
  await page.getByLabel("Je bericht").fill("Hoi")
  await page.getByRole("button", { name: "Bericht versturen" }).click()
  await expect(page.getByTestId("error-summary")).toContainText("3 velden zijn nog niet goed ingevuld")
  await expect(page.getByTestId("error-summary")).toBeFocused()
  await expect(page.getByTestId("error-name")).toHaveText("Vul je naam in.")
  await expect(page.getByTestId("error-email")).toHaveText("Vul je e-mailadres in, zodat de beheerder je kan antwoorden.")
  await expect(page.getByTestId("error-message")).toHaveText("Je bericht moet minstens 10 tekens lang zijn.")
  await expect(page.getByLabel("Je bericht")).toHaveAttribute("aria-invalid", "true")
  await expect(page.getByLabel("Je bericht")).toHaveValue("Hoi")

  await page.getByLabel("Je naam").fill(sender.name)
  await page.getByLabel("Je e-mailadres").fill(sender.email)
  await page.getByLabel("Je bericht").fill(`Mag ik meedoen? Ik woon op nummer 12. (${stamp})`)
  await page.getByRole("button", { name: "Bericht versturen" }).click()
  await expect(page.getByTestId("notice")).toContainText("Je bericht is doorgestuurd naar de beheerder van de groep")
  await expect(page.getByLabel("Je bericht")).toHaveValue("")

  // Nothing about the admin is in the page or its data.
  const html = await (await request.get(`/groepen/${group.slug}`)).text()
  expect(html).toContain(group.name)
  expect(html).not.toMatch(/admin_(email|phone|name)/)
  expect(html).not.toMatch(/beheerder-\d+@|\+3160000\d{4}/)
  expect(html).not.toMatch(/chat\.whatsapp\.com|wa\.me\//)

  test.skip(!process.env.MAIL_DIR, "MAIL_DIR is set by `npm test`")
  // The e-mail goes to the admin and names the resident, so the admin can answer.
  let mail = ""
  await expect
    .poll(() => (mail = mails().find((m) => m.includes(sender.email)) ?? ""), { timeout: 20_000 })
    .not.toBe("")
  const to = /^To: (.+)$/im.exec(mail)?.[1]?.trim() ?? ""
  const adminAddress = /[^\s<>"]+@[^\s<>"]+/.exec(to)?.[0] ?? ""
  expect(adminAddress).not.toBe("")
  expect(adminAddress).not.toBe(sender.email)
  expect(mail).toContain(`${stamp})`)
  expect(html).not.toContain(adminAddress)
  await page.reload()
  expect(await page.content()).not.toContain(adminAddress)
})

test("search works without JavaScript, and the map is only a text alternative then", async ({ browser, request }) => {
  const group = await seededGroup(request)
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/groepen")
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "waiting")
  await expect(page.getByRole("region", { name: "Kaart met alle buurtpreventiegroepen" })).toContainText(/De kaart toont alle \d+ groepen/)
  await page.getByLabel("Postcode, plaats of naam van de groep").fill(group.woonplaats)
  await page.getByLabel("Postcode, plaats of naam van de groep").press("Enter")
  await expect(page).toHaveURL(/\/groepen\?zoek=/)
  await expect(page.getByRole("heading", { name: `Groepen voor “${group.woonplaats}”` })).toBeVisible()
  await expect(page.getByTestId("group-result").filter({ hasText: group.name }).first()).toBeVisible()
  await expect(page.getByTestId("group-distance")).toHaveCount(0)

  // Paging is a plain link too.
  await page.goto("/groepen")
  await expect(page.getByTestId("result-count")).toHaveText(/^Groep 1–20 van \d+$/)
  await page.getByRole("link", { name: "Volgende pagina" }).click()
  await expect(page.getByTestId("result-count")).toHaveText(/^Groep 21–40 van \d+$/)
  // a full page load: the browser starts at the top, no focus moved
  await expect(page.getByRole("heading", { level: 2, name: "Alle groepen" })).not.toBeFocused()
  await page.getByRole("link", { name: "Vorige pagina" }).click()
  await expect(page.getByTestId("result-count")).toHaveText(/^Groep 1–20 van \d+$/)
  await context.close()
})

test("Volgende on a phone with JavaScript: the results heading takes focus at the top of the screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.goto("/groepen")
  await expect(page.getByTestId("result-count")).toHaveText(/^Groep 1–20 van \d+$/)
  await page.getByRole("link", { name: "Volgende pagina" }).click()
  await expect(page.getByTestId("result-count")).toHaveText(/^Groep 21–40 van \d+$/)
  const heading = page.getByRole("heading", { level: 2, name: "Alle groepen" })
  await expect(heading).toBeFocused()
  // stranger's walk: focused, but at the bottom edge of the screen (the page stayed at its top)
  await expect.poll(async () => (await heading.boundingBox())!.y).toBeLessThan(60)
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
  await context.close()
})

test("the map shows every group as markers and clusters while tiles cannot load", async ({ page, request, baseURL }) => {
  test.setTimeout(150_000)
  const group = await seededGroup(request)
  await offline(page, baseURL)
  // The clusters add up to every group. The map's points are cached for a minute (the list is
  // not), so a group approved by an earlier test may join the map a little later.
  await expect(async () => {
    await page.goto("/groepen")
    await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
    await expect(page.locator(".bp-cluster, .bp-marker").first()).toBeVisible()
    const total = Number(/van (\d+)/.exec(await page.getByTestId("result-count").innerText())?.[1])
    const clustered = (await page.locator(".bp-cluster").allInnerTexts()).reduce((sum, n) => sum + Number(n), 0)
    expect(clustered + (await page.locator(".bp-marker").count())).toBe(total)
  }).toPass({ timeout: 90_000, intervals: [5_000] })
  await expect(page.getByTestId("map-notice")).toHaveText("Kaartachtergrond niet beschikbaar; de groepen staan wel op de kaart.")
  // No tab stops in the overview's markers and clusters (the list beside the map has the same
  // groups); the map itself stays reachable with Tab and is moved with the arrow keys.
  await expect(page.locator(".bp-cluster[tabindex], .bp-marker[tabindex]")).toHaveCount(0)
  const overview = page.getByTestId("group-map")
  await expect(overview).toHaveAttribute("tabindex", "0")
  await overview.focus()
  await expect(overview).toBeFocused()

  // A group's page: one marker on the plain background, reachable with Tab as before.
  await page.goto(`/groepen/${group.slug}`)
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
  await expect(page.locator(".bp-marker")).toHaveCount(1)
  await expect(page.locator(".bp-marker")).toBeVisible()
  await expect(page.locator(".bp-marker")).toHaveAttribute("tabindex", "0")
  await expect(page.locator(".leaflet-tile-loaded")).toHaveCount(0)
})

async function fillRegistration(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await page.getByLabel(label, { exact: true }).fill(value)
  }
}

test("register a group, picking its point on the map, then confirm the address from the mail", async ({ page, request, baseURL }) => {
  const group = await seededGroup(request, 7)
  const name = `E2E Buurtpreventie Proefstraat ${Date.now()}`
  const email = `eva.proef.${Date.now()}@example.com`
  await offline(page, baseURL)
  await page.goto("/groepen/aanmelden")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meld je WhatsApp-buurtpreventiegroep aan")
  // leaving the postcodes field centres the map on the first postcode area
  const postcodeCentre = page.waitForResponse((r) => r.url().includes(`/adres-opzoeken?pc4=${group.postcodes[0]}`))
  await fillRegistration(page, {
    "Naam van de groep": name,
    Woonplaats: group.woonplaats,
    "Gemeente (optioneel)": group.gemeente,
    "Postcodes van je buurt": group.postcodes[0]!,
    "Aantal leden": "25",
    "Je naam": "Eva Proef",
    "Je e-mailadres": email,
    "Je telefoonnummer": "06 12345678",
  })
  // Clicking the map chooses the point (hidden fields lat/lng).
  const map = page.getByTestId("group-map")
  await expect(map).toHaveAttribute("data-status", "ready")
  // click only once the view is settled there: a click on the country view lies far from the postcodes
  const { centre } = (await (await postcodeCentre).json()) as { centre: { lat: number; lng: number } }
  await expect(map).toHaveAttribute("data-view", `${centre.lat},${centre.lng}`)
  await map.click()
  await expect(page.getByTestId("picked-point")).toHaveText(/^Gekozen punt: 5\d,\d{5} noorderbreedte, [3-7],\d{5} oosterlengte\.$/)
  await expect(page.locator(".bp-marker--picked")).toHaveCount(1)
  expect(Number((await page.locator('input[name="lat"]').inputValue()).replace(",", "."))).toBeGreaterThan(50.7)
  await page.getByRole("checkbox", { name: /Ik heb de gedragsregels/ }).check()
  await page.getByRole("button", { name: "Groep aanmelden" }).click()

  await expect(page).toHaveURL(/\/groepen\/aangemeld$/)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bevestig je e-mailadres")
  await expect(page.getByTestId("registration-confirmation")).toContainText(name)
  await expect(page.getByTestId("registration-confirmation")).toContainText("Klik op de link in die e-mail")

  // Not a group yet: not public, and no mail but the neutral confirmation (nothing of what was typed).
  const count = async () =>
    (
      (await (
        await request.get(`${BACKEND_URL}/store/groups?q=${encodeURIComponent(name)}`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
      ).json()) as { count: number }
    ).count
  expect(await count()).toBe(0)
  await expect.poll(() => mailFor(email, "group-registration-confirm"), { timeout: 20_000 }).not.toBeNull()
  const confirmation = mailFor(email, "group-registration-confirm")!
  expect(confirmation).not.toContain("Proefstraat")
  expect(confirmation).not.toContain("Eva")
  expect(mailFor(email, "group-registered-admin")).toBeNull()

  // The registrant opens the link from the mail and confirms with the button.
  const link = new URL(/(https?:\/\/\S+\/groepen\/bevestigen\?token=[A-Za-z0-9_-]+)/.exec(confirmation)![1]!)
  await page.goto(`${link.pathname}${link.search}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelding bevestigen")
  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click()
  await expect(page.getByTestId("registration-confirmed")).toContainText("Je e-mailadres is bevestigd")
  // Now staff and the admin hear of it; still pending, so still not public.
  await expect.poll(() => mailFor(email, "group-registered-admin"), { timeout: 20_000 }).toContain(name)
  expect(await count()).toBe(0)

  // The link works once: opened again, it says so and changes nothing.
  await page.goto(`${link.pathname}${link.search}`)
  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click()
  await expect(page.getByTestId("registration-confirmed")).toContainText("al bevestigd")
})

test("a dead confirmation link says so in Dutch", async ({ page }) => {
  await page.goto("/groepen/bevestigen?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click()
  await expect(page.getByTestId("form-error")).toContainText("Deze bevestigingslink is verlopen, al gebruikt of onvolledig")
  await page.goto("/groepen/bevestigen")
  await expect(page.getByTestId("form-error")).toContainText("Deze bevestigingslink is verlopen, al gebruikt of onvolledig")
})

test("a bad registration explains each field in Dutch, keeps the input and stores nothing", async ({ page, request }) => {
  const group = await seededGroup(request)
  const email = `jan.${Date.now()}@`
  await page.goto("/groepen/aanmelden")
  await fillRegistration(page, {
    "Naam van de groep": "",
    Woonplaats: group.woonplaats,
    "Postcodes van je buurt": group.postcodes[0]!,
    "Aantal leden": "300",
    "Je naam": "Jan Proef",
    "Je e-mailadres": email,
    "Je telefoonnummer": "06 12345678",
  })
  await page.getByRole("button", { name: "Groep aanmelden" }).click()

  const summary = page.getByTestId("error-summary")
  await expect(summary).toContainText("4 velden zijn nog niet goed ingevuld")
  await expect(summary).toBeFocused()
  await expect(page.getByTestId("error-name")).toHaveText("Vul de naam van je groep in.")
  await expect(page.getByTestId("error-admin_email")).toHaveText("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
  await expect(page.getByTestId("error-member_count")).toHaveText("Een WhatsApp-groep heeft hoogstens 256 leden.")
  await expect(page.getByTestId("error-accepted_rules")).toHaveText("Ga akkoord met de gedragsregels om je groep aan te melden.")
  await expect(page.getByLabel("Naam van de groep")).toHaveAttribute("aria-invalid", "true")
  await expect(page.getByLabel("Aantal leden")).toHaveAttribute("aria-describedby", /field-member_count-error/)
  // The summary links to the fields; the input is kept.
  await summary.getByRole("link", { name: "Een WhatsApp-groep heeft hoogstens 256 leden." }).click()
  await expect(page.getByLabel("Aantal leden")).toBeFocused()
  await expect(page.getByLabel("Woonplaats")).toHaveValue(group.woonplaats)
  await expect(page.getByLabel("Aantal leden")).toHaveValue("300")
  await expect(page.getByLabel("Je e-mailadres")).toHaveValue(email)
  await expect(page).toHaveURL(/\/groepen\/aanmelden$/)

  // Nothing was sent to the backend: no registration mail for this address.
  if (process.env.MAIL_DIR) {
    await page.waitForTimeout(1_000)
    expect(mails().some((m) => m.includes(email))).toBe(false)
  }
})

test("unknown groups and municipalities are 404 pages", async ({ page }) => {
  const group = await page.goto("/groepen/bestaat-niet-echt")
  expect(group?.status()).toBe(404)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden")
  const municipality = await page.goto("/gemeenten/bestaat-niet-echt")
  expect(municipality?.status()).toBe(404)
})

/** Serious and critical axe violations, described so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

test("the directory pages have no serious or critical accessibility violations (axe), map loaded", async ({ page, request, baseURL }) => {
  const group = await seededGroup(request)
  await offline(page, baseURL)

  await page.goto(`/groepen?zoek=${group.postcodes[0]}`)
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
  await expect(page.locator(".bp-cluster, .bp-marker").first()).toBeVisible()
  expect(await seriousViolations(page), "search results with map").toEqual([])

  await page.goto(`/groepen/${group.slug}`)
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
  await page.getByRole("button", { name: "Bericht versturen" }).click()
  await expect(page.getByTestId("error-summary")).toBeVisible()
  expect(await seriousViolations(page), "group page with errors").toEqual([])

  await page.goto(`/gemeenten/${group.gemeente_slug}`)
  expect(await seriousViolations(page), "municipality page").toEqual([])

  await page.goto("/groepen/aanmelden")
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
  await page.getByRole("button", { name: "Groep aanmelden" }).click()
  await expect(page.getByTestId("error-summary")).toBeVisible()
  expect(await seriousViolations(page), "registration form with errors").toEqual([])
})

test("sitemap.xml lists the directory: /groepen, every approved group and the municipalities", async ({ request }) => {
  const group = await seededGroup(request)
  const xml = await (await request.get("/sitemap.xml")).text()
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
  expect(paths).toContain("/groepen")
  expect(paths).toContain("/groepen/aanmelden")
  expect(paths).toContain(`/groepen/${group.slug}`)
  expect(paths).toContain(`/gemeenten/${group.gemeente_slug}`)
  expect(paths.filter((p) => /^\/groepen\/[^/]+$/.test(p)).length).toBeGreaterThanOrEqual(150)
  expect(paths).not.toContain("/groepen/aangemeld")
  expect(paths).not.toContain("/groepen/bevestigen")
})
