import { expect, test } from "@playwright/test"

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? "buurtpreventie"

/**
 * The shop's staff sign-up makes no login (backend/src/api/middlewares/auth-accounts.ts): the
 * admin dashboard's invite page signs up and then accepts the invite, and the login is made at
 * acceptance, only for the address the invite was sent to (backend/src/api/admin/invites/).
 * The page must keep working, also after a stranger signed up first for the invited address.
 */
test("a colleague accepts a staff invite in the Medusa admin and signs in", async ({ page, request }) => {
  // the admin app's first load and three scrypt hashes (sign-ins, acceptance) take a while on a busy machine
  test.setTimeout(180_000)
  const signIn = await request.post(`${BACKEND_URL}/auth/user/emailpass`, { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })
  const { token: adminToken } = await signIn.json()
  const email = `collega-${Date.now()}@buurtpreventie.test`
  const password = "Een-nieuw-wachtwoord-2026"
  const created = await request.post(`${BACKEND_URL}/admin/invites`, { data: { email }, headers: { authorization: `Bearer ${adminToken}` } })
  expect(created.status()).toBe(200)
  const { invite } = await created.json()

  // a stranger signs up first for the invited address, without the invite: it makes no login and blocks nothing
  const strangerPassword = "ik-ben-de-aanvaller-1"
  const stranger = await request.post(`${BACKEND_URL}/auth/user/emailpass/register`, { data: { email, password: strangerPassword } })
  expect(stranger.status()).toBe(200)
  const { token: strangerToken } = await stranger.json()

  await page.goto(`${BACKEND_URL}/app/invite?token=${encodeURIComponent(invite.token)}`)
  await expect(page.locator('input[name="email"]')).toHaveValue(email, { timeout: 30_000 })
  await page.locator('input[name="first_name"]').fill("Sanne")
  await page.locator('input[name="last_name"]').fill("Jansen")
  await page.locator('input[name="password"]').fill(password)
  await page.locator('input[name="repeat_password"]').fill(password)
  await page.locator('button[type="submit"]').click()

  // the invite is accepted: the colleague's own login works and is a staff user
  await expect
    .poll(async () => (await request.post(`${BACKEND_URL}/auth/user/emailpass`, { data: { email, password } })).status(), { timeout: 30_000 })
    .toBe(200)
  const { token } = await (await request.post(`${BACKEND_URL}/auth/user/emailpass`, { data: { email, password } })).json()
  const me = await request.get(`${BACKEND_URL}/admin/users/me`, { headers: { authorization: `Bearer ${token}` } })
  expect((await me.json()).user).toMatchObject({ email, first_name: "Sanne", last_name: "Jansen" })

  // the stranger's password and early token give nothing
  expect((await request.post(`${BACKEND_URL}/auth/user/emailpass`, { data: { email, password: strangerPassword } })).status()).toBe(401)
  expect((await request.post(`${BACKEND_URL}/auth/token/refresh`, { headers: { authorization: `Bearer ${strangerToken}` } })).status()).toBe(401)
  expect((await request.get(`${BACKEND_URL}/admin/users/me`, { headers: { authorization: `Bearer ${strangerToken}` } })).status()).toBe(401)
})
