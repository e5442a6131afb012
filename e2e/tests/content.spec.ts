import AxeBuilder from "@axe-core/playwright"
import { expect, type Page, test } from "@playwright/test"

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""

/** The Markdown pages (storefront/app/content/*.md), each with its own route. */
const CONTENT_PAGES = [
  "/gedragsregels",
  "/over",
  "/voor-gemeenten",
  "/veelgestelde-vragen",
  "/algemene-voorwaarden",
  "/privacyverklaring",
  "/retourneren",
  "/contact",
]

const SAAR_STEPS = ["Signaleer", "Alarmeer", "App", "Reageer"]

/** Heading levels in document order, e.g. [1, 2, 3, 2, 2]. */
function headingLevels(page: Page): Promise<number[]> {
  return page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])))
}

/** All product handles the store API offers with the storefront's publishable key. */
async function storeProductHandles(request: import("@playwright/test").APIRequestContext): Promise<string[]> {
  const handles: string[] = []
  for (let offset = 0; ; offset += 100) {
    const response = await request.get(`${BACKEND_URL}/store/products?limit=100&offset=${offset}&fields=handle`, {
      headers: { "x-publishable-api-key": PUBLISHABLE_KEY },
    })
    expect(response.ok()).toBeTruthy()
    const { products, count } = (await response.json()) as { products: { handle: string }[]; count: number }
    handles.push(...products.map((product) => product.handle))
    if (products.length === 0 || handles.length >= count) return handles
  }
}

for (const path of CONTENT_PAGES) {
  test(`${path} renders with one h1, a description, a canonical URL and Open Graph tags`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(200)
    expect(response?.headers()["cache-control"]).toBe("public, max-age=300")
    // The layout shows the visitor's cart count: caches must key on the session cookie.
    expect(response?.headers()["vary"]).toMatch(/Cookie/i)

    await expect(page.locator("h1")).toHaveCount(1)
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
    const levels = await headingLevels(page)
    expect(levels[0], "the h1 comes first").toBe(1)
    levels.forEach((level, index) => {
      if (index > 0) expect(level - (levels[index - 1] ?? 1), `heading ${index + 1} skips a level`).toBeLessThanOrEqual(1)
    })

    const title = await page.title()
    expect(title).toMatch(/^.+ \| Buurtpreventie Shop$/)
    const description = page.locator('meta[name="description"]')
    await expect(description).toHaveCount(1)
    expect((await description.getAttribute("content"))?.length ?? 0).toBeGreaterThan(50)

    const canonical = page.locator('link[rel="canonical"]')
    await expect(canonical).toHaveCount(1)
    const href = (await canonical.getAttribute("href")) ?? ""
    expect(new URL(href).pathname).toBe(path)
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title)
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", href)
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /.{50,}/)
  })
}

test("every content page has its own title and description", async ({ request }) => {
  const titles = new Map<string, string>()
  const descriptions = new Map<string, string>()
  for (const path of CONTENT_PAGES) {
    const html = await (await request.get(path)).text()
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ""
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? ""
    expect(titles.get(title), `${path} has the same title as ${titles.get(title)}`).toBeUndefined()
    expect(descriptions.get(description), `${path} has the same description as ${descriptions.get(description)}`).toBeUndefined()
    titles.set(title, path)
    descriptions.set(description, path)
  }
})

test("the footer links to the information and legal pages", async ({ page }) => {
  await page.goto("/over")
  const footer = page.getByRole("contentinfo")
  await expect(footer).toContainText("Prijzen incl. 21% btw")
  for (const path of CONTENT_PAGES) {
    await expect(footer.locator(`a[href="${path}"]`).first()).toBeVisible()
  }
})

test.describe("/gedragsregels", () => {
  test("shows the four SAAR steps and the emergency numbers", async ({ page }) => {
    await page.goto("/gedragsregels")
    // Accessible names: the big decorative letter on each card is aria-hidden.
    const steps = page.getByTestId("saar-steps").getByRole("heading", { level: 3 })
    await expect(steps).toHaveCount(SAAR_STEPS.length)
    for (const [index, name] of SAAR_STEPS.entries()) await expect(steps.nth(index)).toHaveAccessibleName(name)
    const main = page.getByRole("main")
    await expect(main).toContainText("112")
    await expect(main).toContainText("101")
    await expect(main.getByRole("heading", { level: 2, name: /Afspraken voor alle leden/ })).toBeVisible()
    await expect(main.getByRole("heading", { level: 2, name: /Afspraken voor beheerders/ })).toBeVisible()
    await expect(main).toContainText("256")
  })

  test("the WhatsApp text is there without JavaScript; the copy button needs JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto("/gedragsregels")
    const text = page.getByTestId("whatsapp-text")
    await expect(text).toBeVisible()
    expect(await text.evaluate((element) => element.tagName)).toBe("PRE")
    await expect(text).toContainText("SAAR")
    await expect(text).toContainText("112")
    await expect(text).toContainText("101")
    await expect(text).toContainText("/gedragsregels")
    await expect(page.getByRole("button", { name: "Kopieer voor WhatsApp" })).toHaveCount(0)
    await context.close()
  })

  test("the copy button puts the text on the clipboard and announces it", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], baseURL })
    const page = await context.newPage()
    await page.goto("/gedragsregels")
    const status = page.getByTestId("copy-status")
    await expect(status).toHaveAttribute("role", "status")
    await expect(status).toHaveAttribute("aria-live", "polite")
    await expect(status).toBeEmpty()

    await page.getByRole("button", { name: "Kopieer voor WhatsApp" }).click()
    await expect(status).toContainText("Gekopieerd")
    const expected = await page.getByTestId("whatsapp-text").textContent()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(expected)
    expect(copied).toContain("*SAAR*")
    await context.close()
  })

  test("prints as a poster without header, footer, buttons and the WhatsApp section", async ({ page }) => {
    await page.goto("/gedragsregels")
    await expect(page.getByRole("button", { name: "Kopieer voor WhatsApp" })).toBeVisible()
    await page.emulateMedia({ media: "print" })
    await expect(page.getByRole("banner")).toBeHidden()
    await expect(page.getByRole("contentinfo")).toBeHidden()
    for (const button of await page.getByRole("button").all()) await expect(button).toBeHidden()
    await expect(page.getByTestId("whatsapp-text")).toBeHidden()
    await expect(page.getByTestId("saar-steps")).toBeVisible()
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
  })
})

test.describe("/veelgestelde-vragen", () => {
  test("questions open on click", async ({ page }) => {
    await page.goto("/veelgestelde-vragen")
    const questions = page.locator("details")
    expect(await questions.count()).toBeGreaterThanOrEqual(8)
    const first = questions.first()
    await expect(first).not.toHaveAttribute("open")
    await expect(first.locator("summary + div")).toBeHidden()
    await first.locator("summary").click()
    await expect(first).toHaveAttribute("open", "")
    await expect(first.locator("summary + div")).toBeVisible()
    await expect(first).toContainText("112")
  })

  test("questions open without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto("/veelgestelde-vragen")
    const first = page.locator("details").first()
    await first.locator("summary").click()
    await expect(first).toHaveAttribute("open", "")
    await context.close()
  })
})

test("/contact shows the company details", async ({ page }) => {
  await page.goto("/contact")
  const details = page.getByTestId("company-details")
  await expect(details).toContainText("KvK")
  await expect(details).toContainText("Btw")
  await expect(details.locator('a[href^="mailto:"]')).toHaveCount(1)
  await expect(details.locator('a[href^="tel:+"]')).toHaveCount(1)
})

test("sitemap.xml is valid XML listing home, every content page and every product", async ({ page, request }) => {
  const response = await request.get("/sitemap.xml")
  expect(response.status()).toBe(200)
  expect(response.headers()["content-type"]).toMatch(/xml/)
  const xml = await response.text()

  await page.goto("/robots.txt") // any same-origin page: DOMParser runs in the browser
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml")
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      root: doc.documentElement.localName,
      namespace: doc.documentElement.namespaceURI,
      locs: Array.from(doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc"), (loc) => loc.textContent ?? ""),
    }
  }, xml)
  expect(parsed.error).toBe(false)
  expect(parsed.root).toBe("urlset")
  expect(parsed.namespace).toBe("http://www.sitemaps.org/schemas/sitemap/0.9")

  const paths = parsed.locs.map((loc) => new URL(loc).pathname)
  expect(new Set(paths).size, "no duplicates").toBe(paths.length)
  expect(paths).toContain("/")
  for (const path of CONTENT_PAGES) expect(paths).toContain(path)
  const handles = await storeProductHandles(request)
  expect(handles.length).toBeGreaterThanOrEqual(10)
  for (const handle of handles) expect(paths).toContain(`/producten/${handle}`)
  expect(paths.some((path) => path.startsWith("/winkelmand") || path.startsWith("/afrekenen"))).toBe(false)
})

test("robots.txt allows crawling, keeps out the cart and checkout, and points to the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt")
  expect(response.status()).toBe(200)
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/)
  const text = await response.text()
  expect(text).toMatch(/^User-agent: \*$/m)
  expect(text).toMatch(/^Disallow: \/winkelmand$/m)
  expect(text).toMatch(/^Disallow: \/afrekenen$/m)
  expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m)
})

test("an unknown URL returns 404 inside the site layout", async ({ page }) => {
  const response = await page.goto("/deze-pagina-bestaat-echt-niet")
  expect(response?.status()).toBe(404)
  await expect(page.getByRole("banner")).toBeVisible()
  await expect(page.getByRole("banner").getByRole("link", { name: /Buurtpreventie Shop/ })).toBeVisible()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden")
  await expect(page).toHaveTitle(/Pagina niet gevonden/)
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex")
  await expect(page.getByRole("main").getByRole("link", { name: "Veelgestelde vragen" })).toBeVisible()
})

for (const path of ["/gedragsregels", "/over", "/veelgestelde-vragen", "/contact", "/"]) {
  test(`${path} has no serious or critical accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
    const { violations } = await new AxeBuilder({ page }).analyze()
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)
    expect(serious).toEqual([])
  })
}
