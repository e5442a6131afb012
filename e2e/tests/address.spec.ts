import { type APIRequestContext, expect, type Page, test } from "@playwright/test"
import { mailFor, staffModerates } from "./support/group-admin"

/**
 * Postcode + huisnummer fill in the address (PDOK Locatieserver through the backend; in
 * tests a Locatieserver-compatible fake on loopback, started by `npm test`): checkout
 * with and without JavaScript, a manual override, and a lookup that fails without
 * blocking the order. Fixtures of the fake: 5038 AB 12 / 12A (Piusstraat, Tilburg),
 * 3581 KP 5 (Biltstraat, Utrecht), 1012 LG 1 (Damrak, Amsterdam); 9999 ZZ answers HTTP 503.
 * Then the group forms: registration and "Mijn groep" place the group by a central
 * address or by moving the pin (keyboard), storing only the point.
 */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? "buurtpreventie"

async function cartWithSticker(page: Page) {
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Product toegevoegd aan winkelmand", { timeout: 30_000 })
  await page.goto("/afrekenen")
  await expect(page.getByRole("heading", { name: "Je gegevens" })).toBeVisible()
}

async function fillPerson(page: Page) {
  await page.getByLabel("E-mailadres", { exact: true }).fill("adres.test@example.com")
  await page.getByLabel("Voornaam", { exact: true }).fill("Noor")
  await page.getByLabel("Achternaam", { exact: true }).fill("Peeters")
}

/** Shipping and "Betalen op rekening" after the details step; returns the confirmation's address line. */
async function finishOrder(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Verder naar verzending" }).click()
  await expect(page.getByRole("heading", { name: "Verzending" })).toBeVisible({ timeout: 30_000 })
  await page.getByRole("button", { name: "Verder naar betalen" }).click()
  await page.getByText("Betalen op rekening").click()
  await page.getByRole("button", { name: "Bestellen en betalen" }).click()
  // completing the cart is the slowest call (~0.5 s idle; much longer on a shared, loaded test machine)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bestelling!", { timeout: 45_000 })
  return (await page.getByText(/^Bezorgadres:/).innerText()).replace(/\s+/g, " ")
}

test("with JavaScript, postcode and huisnummer fill in street and town on blur", async ({ page }) => {
  await cartWithSticker(page)
  await fillPerson(page)
  // The Dutch order: postcode, huisnummer and toevoeging come before street and town.
  const labels = await page.locator("form label").allInnerTexts()
  const at = (text: string) => labels.findIndex((l) => l.startsWith(text))
  expect(at("Postcode")).toBeLessThan(at("Straat"))
  expect(at("Huisnummer")).toBeLessThan(at("Straat"))
  expect(at("Toevoeging")).toBeLessThan(at("Plaats"))

  await page.getByLabel("Postcode", { exact: true }).fill("5038ab")
  await page.getByLabel("Huisnummer", { exact: true }).fill("12")
  await page.getByLabel("Toevoeging (optioneel)").fill("a")
  await page.getByLabel("Toevoeging (optioneel)").blur()
  await expect(page.getByLabel("Straat", { exact: true })).toHaveValue("Piusstraat")
  await expect(page.getByLabel("Plaats", { exact: true })).toHaveValue("Tilburg")
  await expect(page.getByLabel("Postcode", { exact: true })).toHaveValue("5038 AB")
  await expect(page.getByTestId("address-lookup-status")).toContainText("Gevonden: Piusstraat 12A, Tilburg")

  // A house number the BAG does not know: said in Dutch, the filled street stays editable.
  await page.getByLabel("Huisnummer", { exact: true }).fill("99")
  await page.getByLabel("Huisnummer", { exact: true }).blur()
  await expect(page.getByTestId("address-lookup-status")).toContainText("We vinden geen adres met postcode 5038 AB en huisnummer 99 a")
  await page.getByLabel("Huisnummer", { exact: true }).fill("12")
  await page.getByLabel("Huisnummer", { exact: true }).blur()
  await expect(page.getByTestId("address-lookup-status")).toContainText("Gevonden: Piusstraat 12A, Tilburg")

  expect(await finishOrder(page)).toContain("Piusstraat 12A, 5038 AB Tilburg")
})

test("a street typed by the shopper wins over the lookup (new streets lag in the BAG)", async ({ page }) => {
  await cartWithSticker(page)
  await fillPerson(page)
  await page.getByLabel("Postcode", { exact: true }).fill("3581 KP")
  await page.getByLabel("Huisnummer", { exact: true }).fill("5")
  await page.getByLabel("Huisnummer", { exact: true }).blur()
  await expect(page.getByLabel("Straat", { exact: true })).toHaveValue("Biltstraat")
  await page.getByLabel("Straat", { exact: true }).fill("Nieuwe Biltlaan")
  // looking up again (another addition) leaves the shopper's own street alone
  await page.getByLabel("Toevoeging (optioneel)").fill("")
  await page.getByRole("button", { name: "Zoek adres" }).click()
  await expect(page.getByTestId("address-lookup-status")).toContainText("Gevonden: Biltstraat 5, Utrecht")
  await expect(page.getByLabel("Straat", { exact: true })).toHaveValue("Nieuwe Biltlaan")

  expect(await finishOrder(page)).toContain("Nieuwe Biltlaan 5, 3581 KP Utrecht")
})

test("when the lookup is down the shopper types street and town and still orders", async ({ page }) => {
  await cartWithSticker(page)
  await fillPerson(page)
  await page.getByLabel("Postcode", { exact: true }).fill("9999 ZZ")
  await page.getByLabel("Huisnummer", { exact: true }).fill("7")
  await page.getByLabel("Huisnummer", { exact: true }).blur()
  await expect(page.getByTestId("address-lookup-status")).toHaveText("Adres opzoeken lukt nu niet. Vul je straat en plaats zelf in.")
  await expect(page.getByLabel("Straat", { exact: true })).toHaveValue("")
  await page.getByLabel("Straat", { exact: true }).fill("Eindweg")
  await page.getByLabel("Plaats", { exact: true }).fill("Ergens")

  expect(await finishOrder(page)).toContain("Eindweg 7, 9999 ZZ Ergens")
})

test("without JavaScript, 'Zoek adres' renders the form with street and town filled in", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await cartWithSticker(page)
  await fillPerson(page)
  await page.getByLabel("Postcode", { exact: true }).fill("5038 AB")
  await page.getByLabel("Huisnummer", { exact: true }).fill("14")
  await page.getByLabel("Toevoeging (optioneel)").fill("2")
  await page.getByRole("button", { name: "Zoek adres" }).click()

  await expect(page.getByLabel("Straat", { exact: true })).toHaveValue("Piusstraat")
  await expect(page.getByLabel("Plaats", { exact: true })).toHaveValue("Tilburg")
  await expect(page.getByTestId("address-lookup-status")).toContainText("Gevonden: Piusstraat 14-2, Tilburg")
  // everything else typed so far is still there
  await expect(page.getByLabel("E-mailadres", { exact: true })).toHaveValue("adres.test@example.com")
  await expect(page.getByLabel("Toevoeging (optioneel)")).toHaveValue("2")

  // a bad house number gets a Dutch error at the field, and nothing is lost
  await page.getByLabel("Huisnummer", { exact: true }).fill("14b")
  await page.getByRole("button", { name: "Zoek adres" }).click()
  await expect(page.getByTestId("error-house_number")).toHaveText(
    "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Een letter hoort bij Toevoeging.",
  )
  await expect(page.getByLabel("Straat", { exact: true })).toHaveValue("Piusstraat")
  await page.getByLabel("Huisnummer", { exact: true }).fill("14")

  expect(await finishOrder(page)).toContain("Piusstraat 14-2, 5038 AB Tilburg")
  await context.close()
})

test("Belgian addresses keep the free fields", async ({ page }) => {
  await cartWithSticker(page)
  await fillPerson(page)
  await page.getByLabel("Land").selectOption("be")
  await expect(page.getByLabel("Huisnummer", { exact: true })).toHaveCount(0)
  await page.getByLabel("Straat en huisnummer").fill("Grote Markt 7")
  await page.getByLabel("Postcode", { exact: true }).fill("9000")
  await page.getByLabel("Plaats", { exact: true }).fill("Gent")
  expect(await finishOrder(page)).toContain("Grote Markt 7, 9000 Gent")
})

// ---------------------------------------------------------------- groups on the map

type ApiGroup = { id: string; slug: string; name: string; lat: number | null; lng: number | null; postcodes: string[] }

/** Map tiles come from the internet: refuse them (the map works on its plain background). */
async function offline(page: Page, baseURL: string | undefined) {
  const origin = new URL(baseURL ?? "http://localhost:3000").origin
  await page.route((url) => url.origin !== origin, (route) => route.abort("internetdisconnected"))
}

async function staffHeaders(request: APIRequestContext) {
  const response = await request.post(`${BACKEND_URL}/auth/user/emailpass`, { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })
  expect(response.ok(), await response.text()).toBeTruthy()
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` }
}

/** The group as staff see it (all stored fields). */
async function storedGroup(request: APIRequestContext, name: string): Promise<Record<string, unknown>> {
  const response = await request.get(`${BACKEND_URL}/admin/groups?q=${encodeURIComponent(name)}`, { headers: await staffHeaders(request) })
  expect(response.ok(), await response.text()).toBeTruthy()
  const { groups } = (await response.json()) as { groups: Record<string, unknown>[] }
  expect(groups).toHaveLength(1)
  return groups[0]!
}

const degrees = async (page: Page, label: "Breedtegraad" | "Lengtegraad") =>
  Number((await page.getByLabel(label).inputValue()).replace(",", "."))

async function fillRegistration(page: Page, name: string): Promise<string> {
  const email = `eva.adres.${Date.now()}@example.com`
  const values: Record<string, string> = {
    "Naam van de groep": name,
    Woonplaats: "Utrecht",
    "Gemeente (optioneel)": "Utrecht",
    "Postcodes van je buurt": "3581",
    "Aantal leden": "25",
    "Je naam": "Eva Proef",
    "Je e-mailadres": email,
    "Je telefoonnummer": "06 12345678",
  }
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value)
  await page.getByRole("checkbox", { name: /Ik heb de gedragsregels/ }).check()
  return email
}

/** Double opt-in: the registration becomes a group only once the link in the neutral mail is confirmed. */
async function confirmByMail(page: Page, email: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bevestig je e-mailadres")
  await expect.poll(() => mailFor(email, "group-registration-confirm"), { timeout: 20_000 }).not.toBeNull()
  const link = new URL(/(https?:\/\/\S+\/groepen\/bevestigen\?token=[A-Za-z0-9_-]+)/.exec(mailFor(email, "group-registration-confirm")!)![1]!)
  await page.goto(`${link.pathname}${link.search}`)
  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click()
  await expect(page.getByTestId("registration-confirmed")).toContainText("Je e-mailadres is bevestigd")
}

test("registration places the group by a central address, then the pin moves with the arrow keys", async ({ page, request, baseURL }) => {
  const name = `E2E Adresbuurt ${Date.now()}`
  await offline(page, baseURL)
  await page.goto("/groepen/aanmelden")
  const email = await fillRegistration(page, name)
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")

  await page.getByLabel("Postcode van een adres in je buurt (optioneel)").fill("3581 KP")
  await page.getByLabel("Huisnummer (optioneel)").fill("5")
  await page.getByLabel("Huisnummer (optioneel)").blur()
  await expect(page.getByTestId("point-lookup-status")).toContainText("Gevonden in Utrecht")
  await expect(page.getByLabel("Breedtegraad")).toHaveValue("52,09411")
  await expect(page.getByLabel("Lengtegraad")).toHaveValue("5,13211")
  await expect(page.getByTestId("picked-point")).toHaveText("Gekozen punt: 52,09411 noorderbreedte, 5,13211 oosterlengte.")

  // the pin is a keyboard control: focus it, then the arrow keys move the point east
  const pin = page.getByRole("button", { name: /Punt van je buurt: verschuif met de pijltjestoetsen/ })
  await pin.focus()
  await expect(pin).toBeFocused()
  await page.keyboard.press("ArrowRight")
  await page.keyboard.press("ArrowRight")
  await expect.poll(() => degrees(page, "Lengtegraad")).toBeGreaterThan(5.13211)
  const lng = await degrees(page, "Lengtegraad")
  expect(Math.abs((await degrees(page, "Breedtegraad")) - 52.09411)).toBeLessThan(0.00002)

  await page.getByRole("button", { name: "Groep aanmelden" }).click()
  await confirmByMail(page, email)

  // only the point is stored (float4: about a metre), never the address
  const stored = await storedGroup(request, name)
  expect(stored.lat as number).toBeCloseTo(52.09411, 4)
  expect(stored.lng as number).toBeCloseTo(lng, 4)
  expect(stored.postcodes).toEqual(["3581"])
  expect(JSON.stringify(stored)).not.toMatch(/Biltstraat|3581 ?KP/i)
})

test("registration without JavaScript: 'Zoek adres' fills in the degrees and keeps the rest", async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const name = `E2E Adresbuurt zonder JS ${Date.now()}`
  await page.goto("/groepen/aanmelden")
  const email = await fillRegistration(page, name)
  await page.getByLabel("Postcode van een adres in je buurt (optioneel)").fill("3581kp")
  await page.getByLabel("Huisnummer (optioneel)").fill("5")
  await page.getByRole("button", { name: "Zoek adres" }).click()

  await expect(page.getByTestId("point-lookup-status")).toContainText("Gevonden in Utrecht")
  await expect(page.getByLabel("Breedtegraad")).toHaveValue("52,09411")
  await expect(page.getByLabel("Lengtegraad")).toHaveValue("5,13211")
  await expect(page.getByLabel("Naam van de groep", { exact: true })).toHaveValue(name)

  // an unknown address is said at the field, in Dutch
  await page.getByLabel("Huisnummer (optioneel)").fill("77")
  await page.getByRole("button", { name: "Zoek adres" }).click()
  await expect(page.getByTestId("error-punt_postcode")).toContainText("We vinden geen adres met postcode 3581 KP en huisnummer 77")
  await page.getByLabel("Huisnummer (optioneel)").fill("5")

  await page.getByRole("button", { name: "Groep aanmelden" }).click()
  await confirmByMail(page, email)
  const stored = await storedGroup(request, name)
  expect(stored.lat as number).toBeCloseTo(52.09411, 4)
  expect(stored.lng as number).toBeCloseTo(5.13211, 4)
  await context.close()
})


test("'Mijn groep' offers the same two ways: a central address and the pin (keyboard)", async ({ page, request, baseURL }) => {
  test.skip(!process.env.MAIL_DIR, "needs MAIL_DIR (set by npm test)")
  const stamp = Date.now()
  const email = `adres.beheer.${stamp}@example.com`
  const name = `Buurtpreventie Adrestest ${stamp}`
  const staff = await staffHeaders(request)
  const created = await request.post(`${BACKEND_URL}/admin/groups`, {
    headers: staff,
    data: {
      name,
      woonplaats: "Amsterdam",
      gemeente: "Amsterdam",
      postcodes: ["1012"],
      member_count: 12,
      admin_name: "Ada Adres",
      admin_email: email,
      admin_phone: "06 12345678",
      accepted_rules: true,
    },
  })
  expect(created.ok(), await created.text()).toBeTruthy()
  const group = ((await created.json()) as { group: ApiGroup }).group
  await staffModerates(request, staff, group.id, "approve")
  await expect.poll(() => mailFor(email, "group-account-set-password"), { timeout: 20_000 }).not.toBeNull()
  const link = new URL(/(https?:\/\/\S+\/wachtwoord-instellen\?token=\S+)/.exec(mailFor(email, "group-account-set-password")!)![1]!)
  await offline(page, baseURL)
  await page.goto(`${link.pathname}${link.search}`)
  await page.getByLabel("Nieuw wachtwoord").fill("fiets boom lantaarn 7")
  await page.getByLabel("Herhaal je nieuwe wachtwoord").fill("fiets boom lantaarn 7")
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)

  // by address
  await page.goto(`/mijn-groep/${group.id}`)
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
  await page.getByLabel("Postcode van een adres in je buurt (optioneel)").fill("1012 LG")
  await page.getByLabel("Huisnummer (optioneel)").fill("1")
  await page.getByRole("button", { name: "Zoek adres" }).click()
  await expect(page.getByTestId("point-lookup-status")).toContainText("Gevonden in Amsterdam")
  await expect(page.getByLabel("Breedtegraad")).toHaveValue("52,37561")
  await page.getByRole("button", { name: "Opslaan" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)
  // The group is approved, so a new point waits for staff review; the public point stays as it was.
  const publicPoint = { lat: group.lat, lng: group.lng }
  let stored = await storedGroup(request, name)
  const requested = () => ((stored.pending_changes as { edit?: { lat?: number; lng?: number } } | null)?.edit ?? {})
  expect(requested().lat as number).toBeCloseTo(52.37561, 4)
  expect(requested().lng as number).toBeCloseTo(4.89512, 4)
  expect({ lat: stored.lat, lng: stored.lng }).toEqual(publicPoint)
  expect(JSON.stringify(stored)).not.toMatch(/Damrak|1012 ?LG/i)

  // by the pin: it starts on the saved point; ArrowDown moves it south
  await page.goto(`/mijn-groep/${group.id}`)
  await expect(page.getByTestId("group-map")).toHaveAttribute("data-status", "ready")
  await expect(page.getByLabel("Breedtegraad")).toHaveValue(/^52,3756/)
  const pin = page.getByRole("button", { name: /Punt van je buurt: verschuif met de pijltjestoetsen/ })
  await pin.focus()
  await page.keyboard.press("Shift+ArrowDown")
  await expect.poll(() => degrees(page, "Breedtegraad")).toBeLessThan(52.3755)
  const lat = await degrees(page, "Breedtegraad")
  await page.getByRole("button", { name: "Opslaan" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)
  stored = await storedGroup(request, name)
  expect(requested().lat as number).toBeCloseTo(lat, 4)

  // Staff approve the change: now the point is the group's own.
  await staffModerates(request, staff, group.id, "changes/approve")
  stored = await storedGroup(request, name)
  expect(stored.lat as number).toBeCloseTo(lat, 4)
  expect(stored.pending_changes).toBeNull()
})
