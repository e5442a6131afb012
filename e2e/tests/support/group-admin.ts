import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test"
import fs from "node:fs"
import path from "node:path"

/** Setting up group admins for browser tests: staff approve a group, the admin sets a password from the e-mail. */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? "buurtpreventie"

export type ApiGroup = { id: string; slug: string; name: string; woonplaats: string; gemeente: string; gemeente_code: string | null; postcodes: string[] }

export async function staffToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${BACKEND_URL}/auth/user/emailpass`, { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })
  expect(response.ok(), await response.text()).toBeTruthy()
  return ((await response.json()) as { token: string }).token
}

/** A seeded, approved group from the store API (pick an offset other specs do not use). */
export async function seededGroup(request: APIRequestContext, offset: number): Promise<ApiGroup> {
  const response = await request.get(`${BACKEND_URL}/store/groups?limit=1&offset=${offset}`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
  expect(response.ok()).toBeTruthy()
  return ((await response.json()) as { groups: ApiGroup[] }).groups[0]!
}

/**
 * Staff moderate a group as the admin page shows it now: every decision carries the
 * group's `updated_at` as staff saw it (a group changed since answers 409).
 */
export async function staffModerates(
  request: APIRequestContext,
  staff: Record<string, string>,
  id: string,
  action: "approve" | "reject" | "changes/approve" | "changes/reject",
  body: Record<string, unknown> = {}
) {
  const seen = await request.get(`${BACKEND_URL}/admin/groups/${id}`, { headers: staff })
  expect(seen.ok(), await seen.text()).toBeTruthy()
  const { group } = (await seen.json()) as { group: { updated_at: string } }
  const response = await request.post(`${BACKEND_URL}/admin/groups/${id}/${action}`, {
    headers: staff,
    data: { ...body, seen_updated_at: group.updated_at },
  })
  expect(response.ok(), await response.text()).toBeTruthy()
  return response
}

/** A raw .eml as text: quoted-printable soft line breaks and =XX bytes decoded. */
function decodeMail(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "")
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8")
}

/** The .eml files' names in MAIL_DIR (file name with `template`, when given), newest first. */
function mailFiles(template?: string): string[] {
  const dir = process.env.MAIL_DIR
  if (!dir || !fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml") && (template === undefined || f.includes(`-${template}-`)))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f))
}

const addressedTo = (to: string) => new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "mi")

/** Every .eml for `to` (file name with `template`, when given), newest first, decoded. */
export function mailsFor(to: string, template?: string): string[] {
  const addressed = addressedTo(to)
  return mailFiles(template)
    .map((file) => fs.readFileSync(file, "utf8"))
    .filter((raw) => addressed.test(raw))
    .map(decodeMail)
}

/** The decoded text of the newest .eml for `to` whose file name has `template`. */
export function mailFor(to: string, template: string): string | null {
  const addressed = addressedTo(to)
  for (const file of mailFiles(template)) {
    const raw = fs.readFileSync(file, "utf8")
    if (addressed.test(raw)) return decodeMail(raw)
  }
  return null
}

/**
 * Staff add and approve a group for a new admin (in the place of `place`, with its first
 * postcode); the account mail with the set-password link follows. Needs MAIL_DIR.
 */
export async function approvedGroupFor(request: APIRequestContext, place: ApiGroup, label: string) {
  const stamp = `${Date.now()}-${label}`
  const email = `beheer.${stamp}@example.com`
  const name = `Buurtpreventie Veldfout ${stamp}`
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
  return { group, email, name }
}

/** The set-password link from the account mail of `email`. */
export async function setPasswordLink(email: string): Promise<URL> {
  await expect.poll(() => mailFor(email, "group-account-set-password"), { timeout: 20_000 }).not.toBeNull()
  const link = /(https?:\/\/\S+\/wachtwoord-instellen\?token=\S+)/.exec(mailFor(email, "group-account-set-password")!)?.[1]
  expect(link).toBeTruthy()
  return new URL(link!)
}

export const ADMIN_PASSWORD_FOR_TESTS = "fiets boom lantaarn 7"

/**
 * Staff add and approve a group for a new admin, who sets a password from the e-mail's
 * link (in a browser context of its own, with JavaScript), then signs in on `page` at
 * /inloggen. Needs MAIL_DIR (set by `npm test`).
 */
export async function signedInGroupAdmin(browser: Browser, page: Page, request: APIRequestContext, place: ApiGroup, label: string) {
  const { group, email, name } = await approvedGroupFor(request, place, label)
  const target = await setPasswordLink(email)
  const password = ADMIN_PASSWORD_FOR_TESTS
  const setup = await browser.newContext({ javaScriptEnabled: true })
  const setupPage = await setup.newPage()
  await setupPage.goto(`${target.pathname}${target.search}`)
  await setupPage.getByLabel("Nieuw wachtwoord").fill(password)
  await setupPage.getByLabel("Herhaal je nieuwe wachtwoord").fill(password)
  await setupPage.getByRole("button", { name: "Wachtwoord opslaan" }).click()
  await expect(setupPage).toHaveURL(/\/mijn-groep$/)
  await setup.close()

  await page.goto("/inloggen")
  await page.getByLabel("E-mailadres").fill(email)
  await page.getByLabel("Wachtwoord").fill(password)
  await page.getByRole("button", { name: "Inloggen" }).click()
  await expect(page).toHaveURL(/\/mijn-groep$/)
  return { group, email, password, name }
}

/** Staff create a wijkagent account for the group's municipality (admin API). */
export async function noticeAuthor(request: APIRequestContext, group: ApiGroup, label: string) {
  const account = {
    name: "Jan Agent",
    email: `wijkagent-${label}-${Date.now()}@politie.example`,
    organisation: `Wijkagent ${group.gemeente}`,
    municipality_codes: [group.gemeente_code!],
    password: "een-lang-wachtwoord",
  }
  const created = await request.post(`${BACKEND_URL}/admin/notices/authors`, {
    data: account,
    headers: { authorization: `Bearer ${await staffToken(request)}` },
  })
  expect(created.status(), await created.text()).toBe(201)
  return account
}
