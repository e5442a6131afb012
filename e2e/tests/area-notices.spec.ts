import { type APIRequestContext, expect, test } from "@playwright/test"

/**
 * Area notices in the staff admin: "Meldingen" shows Dutch errors per field, places a
 * notice for a seeded group's municipality (its admin is mailed), lists it as current
 * with its delivery count, and withdraws it; the store API and the group's public page
 * follow each step.
 */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? "buurtpreventie"

type ApiGroup = { slug: string; gemeente: string; gemeente_code: string | null }

/** A seeded group with a municipality code (an offset other specs do not use). */
async function seededGroup(request: APIRequestContext): Promise<ApiGroup> {
  const response = await request.get(`${BACKEND_URL}/store/groups?limit=20&offset=60`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
  expect(response.ok()).toBeTruthy()
  const group = ((await response.json()) as { groups: ApiGroup[] }).groups.find((g) => g.gemeente_code)
  expect(group).toBeTruthy()
  return group!
}

async function storeNotices(request: APIRequestContext, slug: string): Promise<{ title: string }[]> {
  const response = await request.get(`${BACKEND_URL}/store/groups/${slug}/notices`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
  expect(response.ok()).toBeTruthy()
  return ((await response.json()) as { notices: { title: string }[] }).notices
}

test("staff place a notice for a municipality in the admin and withdraw it", async ({ page, request }) => {
  const group = await seededGroup(request)
  const title = `Let op: insluipingen ${Date.now()}`

  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
  await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: 30_000 })

  await page.goto(`${BACKEND_URL}/app/notices`)
  await expect(page.getByRole("heading", { name: "Meldingen", exact: true })).toBeVisible({ timeout: 30_000 })
  await page.getByRole("button", { name: "Nieuwe melding" }).click()

  // nothing filled in: an error at each field, linked to it
  await page.getByRole("button", { name: "Plaatsen" }).click()
  const titleField = page.getByLabel("Titel", { exact: true })
  await expect(page.locator("#notice-title-error")).toHaveText(/Vul een titel in/)
  await expect(titleField).toHaveAttribute("aria-describedby", "notice-title-error")
  await expect(page.locator("#notice-municipality_codes-error")).toHaveText(/minstens één gemeente of postcodegebied/)

  await titleField.fill(title)
  await page.getByLabel("Melding (platte tekst)").fill("Sluit ramen en deuren, ook overdag.")
  await page.getByLabel("Gemeente toevoegen").fill(group.gemeente_code!)
  await page.getByRole("button", { name: "Toevoegen" }).click()
  await expect(page.getByRole("list", { name: "Gekozen gemeenten" })).toContainText(group.gemeente_code!)
  await page.getByLabel("Eindigt op").fill("2099-01-01T12:00")
  await page.getByRole("button", { name: "Plaatsen" }).click()
  await expect(page.getByText(/Melding geplaatst en naar \d+ beheerders? gestuurd/)).toBeVisible({ timeout: 15_000 })

  const row = page.getByRole("row").filter({ hasText: title })
  await expect(row).toContainText("Actueel")
  await expect(row).toContainText(/[1-9]\d* beheerders?/)
  expect((await storeNotices(request, group.slug)).map((n) => n.title)).toContain(title)

  // the group's public page shows it in its own region
  const publicPage = await page.context().newPage()
  await publicPage.goto(`/groepen/${group.slug}`)
  const region = publicPage.getByRole("region", { name: "Meldingen in deze buurt" })
  await expect(region.getByRole("heading", { name: title })).toBeVisible()
  await expect(region).toContainText("Sluit ramen en deuren, ook overdag.")
  await expect(region).toContainText(/geldig van \d{1,2} \w+ \d{4} tot 1 januari 2099/)

  await row.getByRole("button", { name: /Intrekken/ }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Intrekken" }).click()
  await expect(row).toContainText("Ingetrokken")
  expect((await storeNotices(request, group.slug)).map((n) => n.title)).not.toContain(title)
  // the storefront caches notices for a few seconds
  await expect(async () => {
    await publicPage.reload()
    await expect(publicPage.getByRole("heading", { name: title })).toHaveCount(0)
  }).toPass({ timeout: 40_000, intervals: [5_000] })
})
