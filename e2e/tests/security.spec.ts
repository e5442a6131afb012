import { type APIRequestContext, expect, type Page, test } from "@playwright/test"
import { mailFor, staffModerates } from "./support/group-admin"

/**
 * Issue 15 through a real browser and the real storefront server: signing in from a
 * hostile `terug` link stays on the shop (browsers drop a tab in `/<TAB>/evil.example`
 * and would follow `//evil.example`), the storefront refuses an oversized form with a
 * Dutch 413 page before reading it, and repeated wrong passwords end in a Dutch message.
 */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? "buurtpreventie"
const PASSWORD = "lantaarn fiets boom 15"

type ApiGroup = { id: string; slug: string; woonplaats: string; gemeente: string; postcodes: string[] }


/** An approved group whose admin has set a password (through the shop's own flow). */
async function groupAdminWithPassword(page: Page, request: APIRequestContext): Promise<string> {
  const stamp = Date.now()
  const email = `veilig.${stamp}@example.com`
  const login = await request.post(`${BACKEND_URL}/auth/user/emailpass`, { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })
  expect(login.ok(), await login.text()).toBeTruthy()
  const staff = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` }
  const seeded = await request.get(`${BACKEND_URL}/store/groups?limit=1&offset=44`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
  const place = ((await seeded.json()) as { groups: ApiGroup[] }).groups[0]!
  const created = await request.post(`${BACKEND_URL}/admin/groups`, {
    headers: staff,
    data: {
      name: `Buurtpreventie Veilig ${stamp}`,
      woonplaats: place.woonplaats,
      gemeente: place.gemeente,
      postcodes: [place.postcodes[0]],
      member_count: 9,
      admin_name: "Vera Veilig",
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
  await page.goto(`${link.pathname}${link.search}`)
  await page.getByLabel("Nieuw wachtwoord").fill(PASSWORD)
  await page.getByLabel("Herhaal je nieuwe wachtwoord").fill(PASSWORD)
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)
  await page.context().clearCookies()
  return email
}

test("signing in from a hostile terug link stays on the shop", async ({ page, request, baseURL }) => {
  test.skip(!process.env.MAIL_DIR, "needs MAIL_DIR (set by npm test)")
  // seven sign-ins (each a password hash on the server) plus an account: more than the default minute on a busy machine
  test.setTimeout(180_000)
  const email = await groupAdminWithPassword(page, request)
  const shop = new URL(baseURL!).origin
  const leaks: string[] = []
  // only requests to that host (the shop's own URLs carry "evil.example" in their query)
  await page.route((url) => url.hostname.endsWith("evil.example"), (route) => {
    leaks.push(route.request().url())
    return route.abort()
  })

  for (const hostile of ["/\t/evil.example", "/\\evil.example", "//evil.example", "/%2f%2fevil.example", "/..//evil.example", "https://evil.example"]) {
    await page.context().clearCookies()
    await page.goto(`/inloggen?terug=${encodeURIComponent(hostile)}`)
    await page.getByLabel("E-mailadres").fill(email)
    await page.getByLabel("Wachtwoord").fill(PASSWORD)
    await page.getByRole("button", { name: "Inloggen" }).click()
    await expect(page.getByRole("heading", { level: 1 }), hostile).toHaveText("Mijn groep")
    const landed = new URL(page.url())
    expect([hostile, landed.origin, landed.pathname]).toEqual([hostile, shop, "/mijn-groep"])
  }
  expect(leaks).toEqual([])

  // a real path of the shop is still honoured
  await page.context().clearCookies()
  await page.goto(`/inloggen?terug=${encodeURIComponent("/groepen?q=utrecht")}`)
  await page.getByLabel("E-mailadres").fill(email)
  await page.getByLabel("Wachtwoord").fill(PASSWORD)
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page).toHaveURL(`${shop}/groepen?q=utrecht`)
})

test("the storefront refuses an oversized form with a Dutch page before reading it", async ({ request }) => {
  const response = await request.post("/inloggen", {
    form: { email: "iemand@example.nl", password: "x".repeat(200 * 1024) },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(413)
  expect(response.headers()["content-type"]).toMatch(/^text\/html/)
  const page = await response.text()
  expect(page).toContain('<html lang="nl">')
  expect(page).toContain("Dit formulier is te groot")
})

test("wrong passwords through the shop end in a Dutch 'too many attempts' message", async ({ page }) => {
  const email = `raden.${Date.now()}@example.com`
  for (let i = 0; i < 10; i++) {
    await page.goto("/inloggen")
    await page.getByLabel("E-mailadres").fill(email)
    await page.getByLabel("Wachtwoord").fill(`verkeerd wachtwoord ${i}`)
    await page.getByRole("button", { name: "Inloggen" }).click()
    await expect(page.getByTestId("form-error")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.")
  }
  await page.getByLabel("Wachtwoord").fill("nog een keer")
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page.getByTestId("form-error")).toContainText(/^Te veel pogingen om in te loggen\. Probeer het over \d+ minuten opnieuw\./)
})
