import { expect, test } from "@playwright/test"

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"

test("staff log in to the Medusa admin with the login printed at start", async ({ page }) => {
  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local")
  await page.locator('input[name="password"]').fill(process.env.ADMIN_PASSWORD ?? "buurtpreventie")
  await page.locator('button[type="submit"]').click()
  // Logged in: the admin loads the orders list and the session cookie is set over plain http.
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: 30_000 })
  const cookies = await page.context().cookies(BACKEND_URL)
  expect(cookies.some((c) => c.name === "connect.sid")).toBe(true)
  await page.goto(`${BACKEND_URL}/app/products`)
  await expect(page.getByText("Straatbord WhatsApp-buurtpreventie").first()).toBeVisible({ timeout: 30_000 })
})

test("a wrong password is refused", async ({ page }) => {
  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local")
  await page.locator('input[name="password"]').fill("not-the-password")
  await page.locator('button[type="submit"]').click()
  await expect(page).not.toHaveURL(/\/app\/orders/)
  await expect(page.locator('input[name="password"]')).toBeVisible()
})
