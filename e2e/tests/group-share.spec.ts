import { type APIRequestContext, expect, type Page, test } from "@playwright/test"
import fs from "node:fs"
import path from "node:path"
import zlib from "node:zlib"
import jsQR from "jsqr"
import { checkOutOnAccount } from "./support/checkout"
import { seededGroup, signedInGroupAdmin } from "./support/group-admin"
import { pdfText } from "./support/mail"

/**
 * Issue #28, items 1–3: an admin shares the group's order link in WhatsApp, a member
 * follows it on a phone and orders a window sticker that counts for the group; the
 * group's poster PDF with a QR code to its page; the og:image previews of each page type.
 * With SHOTS_DIR set, screenshots of "Mijn groep" and the members' page at 390 px go there.
 */

const PHONE = { width: 390, height: 844 }
const SHOTS_DIR = process.env.SHOTS_DIR

async function shot(page: Page, name: string) {
  if (!SHOTS_DIR) return
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS_DIR, name), fullPage: true })
}

test("an admin shares the order link; a member orders a sticker from it on a phone; the admin sees the counts", async ({ browser, page, request, baseURL }) => {
  test.setTimeout(180_000)
  await page.setViewportSize(PHONE)
  const place = await seededGroup(request, 71)
  const { group } = await signedInGroupAdmin(browser, page, request, place, "share")
  const orderUrl = `${baseURL}/groepen/${group.slug}/meedoen`

  // Mijn groep: the wa.me link carries the Dutch message with the order link (works without JavaScript: a plain link)
  const share = page.getByTestId("group-share")
  await expect(share.getByRole("heading", { name: "Deel in je WhatsApp-groep" })).toBeVisible()
  const href = await share.getByTestId("share-whatsapp").getAttribute("href")
  const wa = new URL(href!)
  expect(`${wa.origin}${wa.pathname}`).toBe("https://wa.me/")
  const message = wa.searchParams.get("text")!
  expect(message).toContain(`*${group.name}*`)
  expect(message).toContain("raamsticker voor je eigen deur")
  expect(message).toContain(orderUrl)
  expect(message).not.toMatch(/chat\.whatsapp\.com/)
  await expect(share.getByTestId("order-link")).toHaveAttribute("href", orderUrl)
  await expect(share.getByTestId("poster-link")).toHaveAttribute("href", `/groepen/${group.slug}/poster.pdf`)
  await expect(page.getByTestId("group-orders-total")).toHaveText("Nog geen bestellingen via je groep")
  await shot(page, "mijn-groep-390.png")

  // the public group page shows the share box to its admin only (and then is never stored by a shared cache)
  const own = await page.goto(`/groepen/${group.slug}`)
  expect(own!.headers()["cache-control"]).toBe("private, no-store")
  await expect(page.getByTestId("group-share")).toBeVisible()

  // a member on a phone follows the link (no account, no cookies)
  const member = await browser.newContext({ viewport: PHONE })
  const phone = await member.newPage()
  const landing = await phone.goto(new URL(orderUrl).pathname)
  expect(landing!.status()).toBe(200)
  expect(landing!.headers()["content-security-policy"]).toBeTruthy()
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(`Doe mee met ${group.name}`)
  // one of possibly several groups in the place, not "the" group of the whole town
  await expect(phone.getByText(`${group.name} is een WhatsApp-buurtpreventiegroep in `)).toBeVisible()
  await expect(phone.getByText("telt mee voor", { exact: false }).first()).toBeVisible()
  await expect(phone.getByTestId("member-ordered")).toHaveCount(0)
  await expect(phone.getByTestId("group-share")).toHaveCount(0)
  const first = phone.getByTestId("member-choice").first()
  await expect(first).toContainText("Aanrader voor leden")
  await expect(first).toContainText(/Raamsticker/i)
  await first.getByRole("button", { name: /Kies dit/ }).click()
  await expect(phone).toHaveURL(/\/producten\/raamsticker/)
  await expect(phone.getByTestId("notice")).toContainText(`Je bestelt nu voor buurtgroep ${group.name}`)
  await phone.getByRole("button", { name: "In winkelmand" }).click()
  await expect(phone.getByTestId("notice").filter({ hasText: "Product toegevoegd aan winkelmand" })).toBeVisible()
  await phone.goto("/winkelmand")
  await expect(phone.getByTestId("cart-group")).toContainText(`Bestelling voor buurtgroep ${group.name}`)
  await expect(phone.getByTestId("cart-group")).toContainText("Je bestelling telt mee voor de groep. De groep ziet alleen hoeveel er besteld is, niet wie.")
  await checkOutOnAccount(phone, { "E-mailadres": "lid.deel@example.com", Voornaam: "Lotte", Achternaam: "Lid", Huisnummer: "3" })

  // the members' page counts it (directory reads are cached for up to 15 s)
  await phone.goto(new URL(orderUrl).pathname)
  await expect(async () => {
    await phone.reload()
    await expect(phone.getByTestId("member-ordered")).toHaveText("1 sticker besteld in deze buurt", { timeout: 1_000 })
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 3_000] })
  await shot(phone, "meedoen-390.png")
  await member.close()

  // the admin sees counts only: no name, e-mail or address of the member
  await page.goto("/mijn-groep")
  await expect(page.getByTestId("group-orders-total")).toHaveText("1 bestelling via je groep")
  await expect(page.getByTestId("group-ordered-label")).toHaveText("1 sticker besteld in deze buurt")
  await expect(page.getByTestId("group-order-product")).toHaveCount(1)
  await expect(page.getByTestId("group-order-product")).toContainText(/Raamsticker/i)
  const counts = page.getByTestId("group-order-counts")
  for (const secret of ["Lotte", "lid.deel@example.com", "Lid "]) await expect(counts).not.toContainText(secret)
})

test("the members' page works without JavaScript; a visitor who is not the admin sees no share box", async ({ browser, request }) => {
  const group = await seededGroup(request, 72)
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })
  const page = await context.newPage()
  await page.goto(`/groepen/${group.slug}`)
  await expect(page.getByTestId("group-share")).toHaveCount(0)
  // "postcode 3581" for one, "postcodes 3581 en 3582" for more
  await expect(page.getByText(/ is actief in .+, (postcode \d{4}|postcodes \d{4}(, \d{4})* en \d{4})\.$/)).toBeVisible()
  await page.goto(`/groepen/${group.slug}/meedoen`)
  await page.getByTestId("member-choice").first().getByRole("button", { name: /Kies dit/ }).click()
  await expect(page).toHaveURL(/\/producten\//)
  await expect(page.getByTestId("notice")).toContainText(`Je bestelt nu voor buurtgroep ${group.name}`)
  expect((await page.request.get(`/groepen/niet-bestaand-${Date.now()}/meedoen`)).status()).toBe(404)
  await context.close()
})

/** Rebuilds the QR code pdfkit drew (small `re` squares in the page's content stream) and decodes it with jsQR. */
function decodePosterQr(pdf: Buffer): string | null {
  const squares: [number, number, number][] = []
  for (const m of pdf.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string
    try {
      content = zlib.inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1")
    } catch {
      continue
    }
    for (const r of content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)) {
      const [x, y, w, h] = [r[1], r[2], r[3], r[4]].map(Number) as [number, number, number, number]
      if (w === h && w > 1 && w < 12) squares.push([x, y, w])
    }
  }
  if (squares.length < 50) return null
  const cell = squares[0]![2] - 0.02
  const minX = Math.min(...squares.map((s) => s[0]))
  const minY = Math.min(...squares.map((s) => s[1]))
  const modules = Math.round((Math.max(...squares.map((s) => s[0])) - minX) / cell) + 1
  const scale = 6
  const quiet = 4
  const side = (modules + 2 * quiet) * scale
  for (const flip of [false, true]) {
    const data = new Uint8ClampedArray(side * side * 4).fill(255)
    for (const [x, y] of squares) {
      const col = Math.round((x - minX) / cell)
      const rowRaw = Math.round((y - minY) / cell)
      const row = flip ? modules - 1 - rowRaw : rowRaw
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((row + quiet) * scale + dy) * side + (col + quiet) * scale + dx) * 4
          data[i] = data[i + 1] = data[i + 2] = 0
        }
    }
    const found = jsQR(data, side, side)
    if (found) return found.data
  }
  return null
}

test("the poster is an A4 PDF with the SAAR rules and a QR code to the group's public page", async ({ request, baseURL }) => {
  const group = await seededGroup(request, 73)
  const response = await request.get(`/groepen/${group.slug}/poster.pdf`)
  expect(response.status()).toBe(200)
  expect(response.headers()["content-type"]).toBe("application/pdf")
  const pdf = await response.body()
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
  const text = pdfText(pdf)
  expect(text).toContain(group.name)
  for (const rule of ["Signaleer", "Alarmeer", "App de groep", "Reageer", "Bel 112", "101"]) expect(text).toContain(rule)
  const pageUrl = `${baseURL}/groepen/${group.slug}`
  expect(text.replace(/\n/g, "")).toContain(pageUrl)
  expect(decodePosterQr(pdf)).toBe(pageUrl)
  expect(pdf.toString("latin1")).not.toMatch(/chat\.whatsapp\.com/)
  if (SHOTS_DIR) {
    fs.mkdirSync(SHOTS_DIR, { recursive: true })
    fs.writeFileSync(path.join(SHOTS_DIR, "poster.pdf"), pdf)
  }
  expect((await request.get(`/groepen/niet-bestaand-${Date.now()}/poster.pdf`)).status()).toBe(404)
})

/** The og:image meta of a page, and the image it points to: 200, image/png, a PNG of 1200 × 630. */
async function expectPreview(page: Page, request: APIRequestContext, pathname: string, { revalidate = false } = {}) {
  const answer = await page.goto(pathname)
  expect(answer!.status(), pathname).toBe(200)
  expect(answer!.headers()["content-security-policy"], pathname).toBeTruthy()
  const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content")
  const url = await meta("og:image")
  expect(url, pathname).toBeTruthy()
  expect(await meta("og:image:width")).toBe("1200")
  expect(await meta("og:image:height")).toBe("630")
  expect(await meta("og:image:type")).toBe("image/png")
  expect((await meta("og:image:alt"))?.length).toBeGreaterThan(3)
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image")

  const image = await request.get(new URL(url!).pathname)
  expect(image.status(), url!).toBe(200)
  expect(image.headers()["content-type"]).toBe("image/png")
  expect(image.headers()["cache-control"]).toContain("max-age=")
  const png = await image.body()
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a")
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR")
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  if (revalidate) {
    // revalidation by ETag is cheap; past the server's 2-second micro-cache, which answers identical requests with its copy
    await page.waitForTimeout(2_500)
    const again = await request.get(new URL(url!).pathname, { headers: { "If-None-Match": image.headers()["etag"]! } })
    expect(again.status()).toBe(304)
  }
  return url!
}

test("each page type has an og:image preview that answers 200 image/png 1200 × 630", async ({ page, request }) => {
  test.setTimeout(120_000)
  const group = (await (await request.get(`${process.env.BACKEND_URL ?? "http://localhost:9000"}/store/groups?limit=1&offset=74`, {
    headers: { "x-publishable-api-key": process.env.PUBLISHABLE_KEY ?? "" },
  })).json()) as { groups: { slug: string; gemeente_slug: string }[] }
  const { slug, gemeente_slug } = group.groups[0]!
  expect(await expectPreview(page, request, "/producten/straatbord-whatsapp-buurtpreventie")).toMatch(/\/og\/product\/straatbord-whatsapp-buurtpreventie$/)
  // the product page also has the text of its preview: title, description, canonical URL
  const productOg = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content")
  expect(await productOg("og:title")).toMatch(/ \| Buurtpreventie Shop$/)
  expect((await productOg("og:description"))?.length).toBeGreaterThan(10)
  expect(await productOg("og:url")).toMatch(/\/producten\/straatbord-whatsapp-buurtpreventie$/)
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(await productOg("og:url"))
  expect(await expectPreview(page, request, "/")).toMatch(/\/og\/pagina\/home$/)
  expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("Borden en stickers voor WhatsApp-buurtpreventie | Buurtpreventie Shop")
  expect(await expectPreview(page, request, `/groepen/${slug}`)).toMatch(new RegExp(`/og/groep/${slug}$`))
  expect(await expectPreview(page, request, `/gemeenten/${gemeente_slug}`)).toMatch(new RegExp(`/og/gemeente/${gemeente_slug}$`))
  expect(await expectPreview(page, request, "/gedragsregels", { revalidate: true })).toMatch(/\/og\/pagina\/gedragsregels$/)
  expect((await request.get("/og/groep/bestaat-niet")).status()).toBe(404)
  expect((await request.get("/og/iets/gedragsregels")).status()).toBe(404)
})
