import { expect, type Page, test } from "@playwright/test"
import { staffToken } from "./support/group-admin"

/**
 * Locations that are right and no dead ends (#28, items 4–6): a far pin needs a
 * confirmation at registration, a failed address lookup says what does work, every
 * field error shows at once, /groepen has a "Lijst | Kaart" switch on phones (links,
 * also without JavaScript), and staff see the point on a small map with the warning.
 */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? "buurtpreventie"
const SHOTS = process.env.PLACES_SHOTS_DIR
const PHONE = { width: 390, height: 844 }
/** Groningen: about 150 km from Utrecht's 3581 */
const GRONINGEN = { lat: "53,2166", lng: "6,5695" }

async function fill(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value)
}

const registration = (email: string) => ({
  "Naam van de groep": `E2E Plekkenlaan ${Date.now()}`,
  Woonplaats: "Utrecht",
  "Postcodes van je buurt": "3581",
  "Aantal leden": "25",
  "Je naam": "Pim Plek",
  "Je e-mailadres": email,
  "Je telefoonnummer": "06 12345678",
})

for (const javaScriptEnabled of [true, false]) {
  test(`a pin far from the postcodes needs a confirmation (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE })
    const page = await context.newPage()
    // the map's tiles stay offline
    await page.route((url) => !["localhost", "127.0.0.1"].includes(url.hostname), (route) => route.abort("internetdisconnected"))
    await page.goto("/groepen/aanmelden")
    await fill(page, { ...registration(`far.${javaScriptEnabled}.${Date.now()}@example.com`), "Breedtegraad (optioneel)": GRONINGEN.lat, "Lengtegraad (optioneel)": GRONINGEN.lng })
    await page.getByRole("checkbox", { name: /Ik heb de gedragsregels/ }).check()
    await page.getByRole("button", { name: "Groep aanmelden" }).click()

    const summary = page.getByTestId("error-summary")
    await expect(summary).toContainText(/Het punt op de kaart ligt 1\d\d km van postcode 3581\. Klopt dat\?/)
    await expect(page.getByTestId("error-lat")).toContainText(/ligt 1\d\d km van postcode 3581/)
    const confirm = page.getByRole("checkbox", { name: /het punt op de kaart klopt/ })
    await expect(confirm).toBeVisible()
    await expect(page.getByLabel("Breedtegraad (optioneel)")).toHaveValue(GRONINGEN.lat)
    if (javaScriptEnabled && SHOTS) {
      await page.getByTestId("far-point-confirm").scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/registration-far-point-390.png` })
    }
    await confirm.check()
    await page.getByRole("button", { name: "Groep aanmelden" }).click()
    await expect(page).toHaveURL(/\/groepen\/aangemeld$/)
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bevestig je e-mailadres")
    await context.close()
  })
}

test("every wrong field, the far pin included, shows at once with a summary linked to the fields", async ({ page }) => {
  await page.goto("/groepen/aanmelden")
  await fill(page, { "Postcodes van je buurt": "3581", "Aantal leden": "300", "Breedtegraad (optioneel)": GRONINGEN.lat, "Lengtegraad (optioneel)": GRONINGEN.lng })
  await page.getByRole("button", { name: "Groep aanmelden" }).click()
  const summary = page.getByTestId("error-summary")
  await expect(summary).toBeFocused()
  for (const field of ["name", "woonplaats", "member_count", "lat", "admin_name", "admin_email", "admin_phone", "accepted_rules"]) {
    await expect(page.getByTestId(`error-${field}`)).toBeVisible()
  }
  await expect(summary.getByRole("link")).toHaveCount(8)
  await expect(page.getByRole("checkbox", { name: /het punt op de kaart klopt/ })).toBeVisible()
})

test("a failed address lookup says what works instead (pin, degrees or nothing), and registration goes through", async ({ page }) => {
  await page.goto("/groepen/aanmelden")
  await fill(page, registration(`lookup.${Date.now()}@example.com`))
  // the fake Locatieserver answers 9999 ZZ as down
  await page.getByLabel("Postcode van een adres in je buurt").fill("9999 ZZ")
  await page.getByLabel("Huisnummer (optioneel)", { exact: true }).fill("1")
  await page.getByRole("button", { name: "Zoek adres" }).click()
  const status = page.getByTestId("point-lookup-status")
  await expect(status).toHaveText(
    "Adres opzoeken lukt nu niet. Wijs de plek van je buurt aan op de kaart, of vul de breedte- en lengtegraad hieronder in. Laat je die leeg, dan staat je groep in het midden van je postcodes."
  )
  await expect(status).not.toContainText("straat")
  // what the sentence offers is on the page
  await expect(page.getByLabel("Breedtegraad (optioneel)")).toBeVisible()
  await expect(page.getByLabel("Lengtegraad (optioneel)")).toBeVisible()
  await page.getByLabel("Postcode van een adres in je buurt").fill("")
  await page.getByLabel("Huisnummer (optioneel)", { exact: true }).fill("")
  await page.getByRole("checkbox", { name: /Ik heb de gedragsregels/ }).check()
  await page.getByRole("button", { name: "Groep aanmelden" }).click()
  await expect(page).toHaveURL(/\/groepen\/aangemeld$/)
  // the thank-you page says its heading once
  await expect(page.getByText("Bevestig je e-mailadres", { exact: true })).toHaveCount(1)
  if (SHOTS) {
    await page.setViewportSize(PHONE)
    await page.screenshot({ path: `${SHOTS}/aangemeld-390.png`, fullPage: true })
  }
})

for (const javaScriptEnabled of [true, false]) {
  test(`/groepen on a phone: a "Lijst | Kaart" switch of links (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE })
    const page = await context.newPage()
    await page.route((url) => !["localhost", "127.0.0.1"].includes(url.hostname), (route) => route.abort("internetdisconnected"))
    await page.goto("/groepen")
    const views = page.getByRole("navigation", { name: "Weergave" })
    const list = views.getByRole("link", { name: "Lijst" })
    const map = views.getByRole("link", { name: "Kaart" })
    await expect(list).toHaveAttribute("aria-current", "page")
    await expect(map).not.toHaveAttribute("aria-current", /.*/)
    // the switch is near the top of the page, not below the list
    const box = await views.boundingBox()
    expect(box!.y).toBeLessThan(1000)
    await expect(page.getByRole("heading", { name: "Alle groepen" })).toBeVisible()
    await expect(page.getByRole("heading", { name: "Op de kaart" })).toBeHidden()

    await map.click()
    await expect(page).toHaveURL(/\/groepen\?weergave=kaart$/)
    await expect(views.getByRole("link", { name: "Kaart" })).toHaveAttribute("aria-current", "page")
    await expect(page.getByRole("heading", { name: "Op de kaart" })).toBeVisible()
    await expect(page.getByRole("heading", { name: "Alle groepen" })).toBeHidden()
    const mapTop = (await page.getByTestId("group-map").boundingBox())!.y
    expect(mapTop).toBeLessThan(1200)
    if (javaScriptEnabled) {
      await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/groepen-kaart-390.png` })
    }

    // a search keeps the view
    await page.getByLabel("Postcode, plaats of naam van de groep").fill("3581")
    await page.getByLabel("Postcode, plaats of naam van de groep").press("Enter")
    // the URL had weergave=kaart before the search too: wait for the search's own page
    await expect(page).toHaveURL((url) => url.searchParams.get("zoek") === "3581" && url.searchParams.get("weergave") === "kaart")
    await views.getByRole("link", { name: "Lijst" }).click()
    await expect(page).toHaveURL(/\/groepen\?zoek=3581$/)
    await expect(page.getByTestId("group-result").first()).toBeVisible()
    if (javaScriptEnabled && SHOTS) await page.screenshot({ path: `${SHOTS}/groepen-lijst-390.png` })

    // on a wide screen both show and the switch is not needed
    await page.setViewportSize({ width: 1280, height: 900 })
    await expect(views).toBeHidden()
    await expect(page.getByRole("heading", { name: "Op de kaart" })).toBeVisible()
    await context.close()
  })
}

test("staff see a far pin on a small map with the postcode centres and the warning", async ({ page, request }) => {
  const token = await staffToken(request)
  const created = await request.post(`${BACKEND_URL}/admin/groups`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      name: `E2E Ver Weg ${Date.now()}`,
      woonplaats: "Utrecht",
      postcodes: ["3581", "3582"],
      member_count: 12,
      lat: 53.2166,
      lng: 6.5695,
      admin_name: "Vera Weg",
      admin_email: `vera.weg.${Date.now()}@example.com`,
      admin_phone: "06 12345678",
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { group } = (await created.json()) as { group: { id: string; name: string } }

  await page.setViewportSize(PHONE)
  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
  await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: 30_000 })
  await page.goto(`${BACKEND_URL}/app/groups/${group.id}`)
  await expect(page.getByTestId("group-point-warning")).toContainText(/Het punt op de kaart ligt 1\d\d km van postcode 358[12]\. Klopt dat\?/, { timeout: 30_000 })
  const map = page.getByRole("img", { name: /het punt van de groep \(rood\) en het midden van 2 postcodegebied/ })
  await expect(map).toBeVisible()
  await expect(map).toHaveAccessibleName(/3581, 3582/)
  await expect(map.locator("text", { hasText: "km" })).toHaveCount(1)
  if (SHOTS) {
    await map.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/admin-point-map-390.png` })
  }

  // the list of groups awaiting moderation marks the far point, and approving from it asks first
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`${BACKEND_URL}/app/groups`)
  await page.getByPlaceholder("Zoek op naam, plaats of beheerder").fill(group.name)
  const row = page.getByRole("row").filter({ hasText: group.name })
  await expect(row).toHaveCount(1, { timeout: 30_000 })
  await expect(row).toContainText(/Punt ver van postcodes \(1\d\d km\)/)
  await row.getByRole("button", { name: "Goedkeuren" }).click()
  const prompt = page.getByRole("alertdialog")
  await expect(prompt).toContainText("Punt ver van de postcodes")
  await expect(prompt).toContainText(new RegExp(`Het punt van "${group.name}" ligt 1\\d\\d km van de postcodes van de groep\\. Toch goedkeuren\\?`))
  await prompt.getByRole("button", { name: "Annuleren" }).click()
  await expect(prompt).toBeHidden()
  // cancelled: still pending, still in the list
  await expect(row).toContainText("Wacht op beoordeling")
  await expect(page).toHaveURL(/\/app\/groups$/)

  // the detail page asks the same before approving
  await page.goto(`${BACKEND_URL}/app/groups/${group.id}`)
  await expect(page.getByTestId("group-point-warning")).toBeVisible({ timeout: 30_000 })
  await page.getByRole("button", { name: "Goedkeuren", exact: true }).click()
  await expect(prompt).toContainText("Punt ver van de postcodes")
  await prompt.getByRole("button", { name: "Toch goedkeuren" }).click()
  await expect(page.getByText("Groep goedgekeurd; de beheerder krijgt een e-mail")).toBeVisible()
  const after = await request.get(`${BACKEND_URL}/admin/groups/${group.id}`, { headers: { authorization: `Bearer ${token}` } })
  expect(((await after.json()) as { group: { status: string } }).group.status).toBe("approved")
})

test("keyboard users create the pin on the registration map, and keep focus after Punt wissen", async ({ page }) => {
  // the map's tiles stay offline: the notice says what works on this map
  await page.route((url) => !["localhost", "127.0.0.1"].includes(url.hostname), (route) => route.abort("internetdisconnected"))
  await page.goto("/groepen/aanmelden")
  await expect(page.getByText("Nog geen speld? Ga met Tab naar de kaart en druk op Enter")).toBeVisible()
  const map = page.getByTestId("group-map")
  await expect(map).toHaveAttribute("data-status", "ready")
  await expect(page.getByTestId("map-notice")).toHaveText(
    "Kaartachtergrond niet beschikbaar; vul de breedte- en lengtegraad in of tik op de kaart."
  )
  const pin = page.getByRole("button", { name: /Punt van je buurt: verschuif met de pijltjestoetsen/ })
  // no postcode typed: no pin yet
  await expect(pin).toHaveCount(0)
  await expect(page.getByTestId("picked-point")).toHaveText("Nog geen punt gekozen.")

  await map.focus()
  await page.keyboard.press("Enter")
  await expect(pin).toBeFocused()
  await expect(page.getByTestId("picked-point")).toHaveText(/^Gekozen punt: \d\d,\d{5} noorderbreedte, \d,\d{5} oosterlengte\.$/)
  const lat = page.getByLabel("Breedtegraad (optioneel)")
  const before = await lat.inputValue()
  expect(before).not.toBe("")
  // the arrow keys move it from there
  await page.keyboard.press("ArrowUp")
  await expect(lat).not.toHaveValue(before)

  await page.getByRole("button", { name: "Punt wissen" }).click()
  await expect(page.getByTestId("picked-point")).toHaveText("Nog geen punt gekozen.")
  await expect(lat).toHaveValue("")
  await expect(map).toBeFocused()

  // Space creates it as well
  await page.keyboard.press(" ")
  await expect(pin).toBeFocused()
  await expect(lat).not.toHaveValue("")
})
