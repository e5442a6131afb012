import { type APIRequestContext, expect, type Page, test } from "@playwright/test"
import { checkOutOnAccount } from "./support/checkout"

const BACKEND_URL = (process.env.BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""

type ApiGroup = { slug: string; name: string; signs_ordered: number }

/** One seeded, approved demo group (an offset no other spec uses), straight from the store API. */
async function demoGroup(request: APIRequestContext, offset: number): Promise<ApiGroup> {
  const headers = { "x-publishable-api-key": PUBLISHABLE_KEY }
  const list = await request.get(`${BACKEND_URL}/store/groups?limit=1&offset=${offset}`, { headers })
  expect(list.ok()).toBeTruthy()
  const { groups } = (await list.json()) as { groups: { slug: string }[] }
  const one = await request.get(`${BACKEND_URL}/store/groups/${groups[0]!.slug}`, { headers })
  return ((await one.json()) as { group: ApiGroup }).group
}

async function staffLogIn(page: Page) {
  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local")
  await page.locator('input[name="password"]').fill(process.env.ADMIN_PASSWORD ?? "buurtpreventie")
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: 30_000 })
}

test("order signs for a group from its page; the group page then shows the count", async ({ page, request }) => {
  // the whole path: group page, add, checkout, the directory's cache, then the staff admin
  test.setTimeout(180_000)
  const group = await demoGroup(request, 17)
  expect(group.signs_ordered).toBe(0)

  await page.goto(`/groepen/${group.slug}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(group.name)
  await expect(page.getByTestId("signs-ordered")).toHaveCount(0)
  await page.getByRole("button", { name: "Bestel borden voor deze buurt" }).click()

  await expect(page).toHaveURL(/\/winkel\/borden$/)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Borden")
  await expect(page.getByTestId("notice")).toContainText(`Je bestelt nu voor buurtgroep ${group.name}`)

  await page.getByRole("link", { name: "Straatbord WhatsApp-buurtpreventie", exact: true }).click()
  await page.getByRole("radio", { name: /40 x 60 cm · Aluminium 1,5 mm/ }).check()
  await page.getByLabel("Aantal").fill("2")
  await page.getByRole("button", { name: "In winkelmand" }).click()
  await expect(page.getByTestId("notice")).toContainText("Product toegevoegd aan winkelmand")

  await page.goto("/winkelmand")
  await expect(page.getByTestId("cart-group")).toContainText(`Bestelling voor buurtgroep ${group.name}`)
  await expect(page.getByTestId("cart-group").getByRole("button", { name: "Niet voor een groep bestellen" })).toBeVisible()

  const displayId = await checkOutOnAccount(page, {
    "E-mailadres": "buurt.bestelling@example.com",
    Voornaam: "Fleur",
    Achternaam: "Jansen",
    Huisnummer: "14",
  })

  // Directory pages are cached for up to 15 seconds: reload until the count is there.
  await page.goto(`/groepen/${group.slug}`)
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId("signs-ordered")).toHaveText("2 borden in deze buurt", { timeout: 1_000 })
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 3_000] })

  // Staff see the group on the order, with a link to it in Buurtgroepen.
  await staffLogIn(page)
  const response = await page.request.get(`${BACKEND_URL}/admin/orders?fields=id,display_id&order=-created_at&limit=20`)
  const { orders } = (await response.json()) as { orders: { id: string; display_id: number }[] }
  const order = orders.find((o) => o.display_id === displayId)!
  await page.goto(`${BACKEND_URL}/app/orders/${order.id}`)
  const widget = page.getByTestId("order-group-widget")
  await expect(widget.getByRole("heading", { name: "Buurtgroep" })).toBeVisible({ timeout: 30_000 })
  await widget.getByRole("link", { name: group.name }).click()
  await expect(page).toHaveURL(/\/app\/groups\/nbgrp_/)
  await expect(page.getByRole("heading", { name: group.name })).toBeVisible()
})

test("without JavaScript: confirm on /groepen/:slug/bestellen, then order without the group again", async ({ browser, request }) => {
  const group = await demoGroup(request, 18)
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()

  await page.goto(`/groepen/${group.slug}/bestellen`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Borden bestellen voor ${group.name}`)
  await page.getByRole("button", { name: "Bestellen voor deze buurtgroep" }).click()
  await expect(page).toHaveURL(/\/winkel\/borden$/)
  await expect(page.getByTestId("notice")).toContainText(`Je bestelt nu voor buurtgroep ${group.name}`)

  await page.goto("/winkelmand")
  await expect(page.getByTestId("cart-group")).toContainText(`Bestelling voor buurtgroep ${group.name}`)
  await page.getByRole("button", { name: "Niet voor een groep bestellen" }).click()
  await expect(page).toHaveURL(/\/winkelmand$/)
  await expect(page.getByTestId("notice")).toContainText("Je bestelt niet meer voor een buurtgroep.")
  await expect(page.getByTestId("cart-group")).toHaveCount(0)

  expect((await page.goto("/groepen/bestaat-niet-echt/bestellen"))?.status()).toBe(404)
  await context.close()
})
