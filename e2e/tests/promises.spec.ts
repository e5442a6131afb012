import { type APIRequestContext, type Browser, expect, type Locator, type Page, test } from "@playwright/test"
import { addSignToCart, checkOutOnAccount, fillAddress } from "./support/checkout"
import { mailFor, staffToken } from "./support/group-admin"
import { pdfAttachment, pdfText } from "./support/mail"

/**
 * Issue #26, "Checkout promises kept", walked as a shopper: the withdrawal function is
 * findable on every page; the order button obliges to pay and links the terms; delivery
 * time and costs show before checkout; an order "op rekening" shows and mails the bank
 * transfer with its invoice PDF; a withdrawal tells the story of the order's state
 * (unpaid: cancelled and stock released; paid: refund) and staff see it.
 */

const BACKEND_URL = (process.env.BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const IBAN = "NL91 ABNA 0417 1643 00"
const ACCOUNT_NAME = "Buurtpreventie Shop B.V."
const money = (text: string) => text.replace(/\u00a0/g, " ").trim()

async function admin<T = any>(request: APIRequestContext, method: "GET" | "POST", url: string, data?: unknown): Promise<T> {
  const token = await staffToken(request)
  const response = await request.fetch(`${BACKEND_URL}${url}`, { method, headers: { authorization: `Bearer ${token}` }, ...(data === undefined ? {} : { data }) })
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300)
  return response.json()
}

/** Reservations Medusa holds for an order's lines (the stock it keeps from other shoppers). */
async function reservedFor(request: APIRequestContext, orderId: string): Promise<number> {
  const { order } = await admin(request, "GET", `/admin/orders/${orderId}?fields=items.id`)
  const query = order.items.map((i: { id: string }) => `line_item_id[]=${i.id}`).join("&")
  const { reservations } = await admin(request, "GET", `/admin/reservations?${query}`)
  return reservations.reduce((sum: number, r: { quantity: number }) => sum + Number(r.quantity), 0)
}

async function staffLogIn(page: Page) {
  await page.goto(`${BACKEND_URL}/app`)
  await page.locator('input[name="email"]').fill(process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local")
  await page.locator('input[name="password"]').fill(process.env.ADMIN_PASSWORD ?? "buurtpreventie")
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: 30_000 })
}

const today = (offsetDays = 0) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() + offsetDays * 86_400_000))

/**
 * Two signs (€ 59,90) and shipping (€ 6,95) make € 66,85, of which € 11,60 btw: the btw of
 * the total shown, shipping's btw included, on the cart, every step and the confirmation.
 */
const TWO_SIGNS_VAT = /^€\s11,60$/

/** Cart, details and shipping steps with the keyboard-focus and summary checks; ends on the payment step. */
async function throughCheckout(page: Page, email: string, javaScript: boolean) {
  await page.goto("/winkelmand")
  await expect(page.getByTestId("total")).toHaveText(/€\s66,85/)
  await expect(page.getByTestId("tax"), "btw on the cart page").toHaveText(TWO_SIGNS_VAT)
  await page.getByRole("link", { name: "Afrekenen" }).click()
  const summary = page.getByRole("complementary", { name: /Je bestelling/ })
  await expect(summary.getByRole("heading", { name: "Je bestelling (2 artikelen)" })).toBeVisible()
  await expect(summary.getByTestId("shipping")).toHaveText(/€\s6,95/)
  await expect(summary.getByTestId("total")).toHaveText(/€\s66,85/)
  await expect(summary.getByTestId("tax"), "btw in step 1").toHaveText(TWO_SIGNS_VAT)
  // "12a" in the huisnummer field is number 12 with addition a, not an error.
  await fillAddress(page, { "E-mailadres": email, Huisnummer: "12a" })
  await page.getByRole("button", { name: "Verder naar verzending" }).click()
  const shippingHeading = page.getByRole("heading", { name: "Verzending", level: 2 })
  await expect(shippingHeading).toBeVisible({ timeout: 30_000 })
  if (javaScript) await expect(shippingHeading).toBeFocused()
  await expect(page.getByRole("group", { name: /Borden en pakketten \(2 artikelen\)/ })).toBeVisible()
  await expect(summary.getByTestId("total")).toHaveText(/€\s66,85/)
  await expect(summary.getByTestId("tax"), "btw in step 2").toHaveText(TWO_SIGNS_VAT)
  await page.getByRole("button", { name: "Verder naar betalen" }).click()
  const paymentHeading = page.getByRole("heading", { name: "Controleren en betalen" })
  await expect(paymentHeading).toBeVisible({ timeout: 30_000 })
  if (javaScript) await expect(paymentHeading).toBeFocused()
  await expect(page.getByText("Dorpsstraat 12A")).toBeVisible()
  await expect(summary.getByTestId("shipping")).toHaveText(/€\s6,95/)
  await expect(summary.getByTestId("total")).toHaveText(/€\s66,85/)
  await expect(summary.getByTestId("tax"), "btw in step 3").toHaveText(TWO_SIGNS_VAT)
  await expect(summary.getByTestId("delivery-promise")).toContainText("Voor 16:00 besteld, binnen 2 werkdagen in huis")
}

/** On the payment step: "Betalen op rekening" with the legal order button; returns the order's number and id. */
async function placeOnAccount(page: Page): Promise<{ number: number; id: string }> {
  await page.getByRole("radio", { name: /Betalen op rekening/ }).check()
  const terms = page.getByRole("link", { name: /algemene voorwaarden/ })
  await expect(terms).toHaveAttribute("href", "/algemene-voorwaarden")
  await expect(page.getByRole("button", { name: "Bestelling plaatsen" })).toHaveCount(0)
  await page.getByRole("button", { name: "Bestellen en betalen" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bestelling!", { timeout: 30_000 })
  const number = Number((await page.getByTestId("order-number").innerText()).replace("#", ""))
  const id = new URL(page.url()).pathname.split("/").pop()!
  return { number, id }
}

async function newPage(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled })
  return { context, page: await context.newPage() }
}

test.describe.configure({ timeout: 300_000 })

for (const javaScriptEnabled of [true, false]) {
  test(`the withdrawal function is one click away on every page, the returns page and the FAQ (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const { context, page } = await newPage(browser, javaScriptEnabled)
    for (const url of ["/", "/producten/straatbord-whatsapp-buurtpreventie", "/winkelmand", "/contact", "/groepen"]) {
      await page.goto(url)
      await expect(page.getByRole("contentinfo").getByRole("link", { name: "Overeenkomst herroepen" }), url).toHaveAttribute("href", "/herroepen")
    }

    // The returns page explains the function before the e-mail route.
    await page.goto("/retourneren")
    const button = page.getByTestId("withdrawal-lead").getByRole("link", { name: "Overeenkomst herroepen" })
    await expect(button).toBeVisible()
    const mailRoute = page.getByText("Liever per e-mail?", { exact: false })
    expect((await button.boundingBox())!.y).toBeLessThan((await mailRoute.boundingBox())!.y)

    await page.goto("/veelgestelde-vragen")
    await page.getByText("Hoe herroep ik mijn bestelling?").click()
    await page.getByRole("main").getByRole("link", { name: "Overeenkomst herroepen" }).click()
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overeenkomst herroepen")
    const crumbs = page.getByRole("navigation", { name: "Kruimelpad" })
    await expect(crumbs.getByRole("link", { name: "Retourneren en herroepen" })).toHaveAttribute("href", "/retourneren")
    await expect(crumbs).not.toContainText("Home")
    await context.close()
  })
}

test("content page headings stay inside a 390 px phone (long Dutch compounds such as 'Buurtpreventiegroepen')", async ({ page }) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 })
    for (const path of ["/voor-gemeenten", "/gedragsregels", "/over", "/retourneren", "/algemene-voorwaarden", "/privacyverklaring", "/veelgestelde-vragen", "/contact", "/gemeenten"]) {
      await page.goto(path)
      const heading = page.getByRole("heading", { level: 1 })
      const box = (await heading.boundingBox())!
      expect(box.x + box.width, `${path} heading inside ${width} px`).toBeLessThanOrEqual(width)
      const overflow = await heading.evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow, `${path} heading does not overflow its box at ${width} px`).toBeLessThanOrEqual(0)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} no sideways scrolling at ${width} px`).toBeLessThanOrEqual(width)
      if (path === "/voor-gemeenten") await page.screenshot({ path: test.info().outputPath(`voor-gemeenten-${width}.png`) })
    }
  }
})

test("delivery time and free-shipping threshold show on the product page and in the cart", async ({ page }) => {
  await page.goto("/producten/straatbord-whatsapp-buurtpreventie")
  const promise = page.getByTestId("delivery-promise")
  await expect(promise).toContainText("Voor 16:00 besteld, binnen 2 werkdagen in huis")
  await expect(promise).toContainText(/Gratis verzending vanaf €\s75,00 in Nederland/)
  // The variants are listed cheapest first (the 40 × 60 cm signs too), whatever order Medusa returns them in.
  const prices = await page.locator('fieldset label:has(input[name="variantId"]) > span.font-semibold').allInnerTexts()
  const amounts = prices.map((p) => Number(p.replace(/[^\d,]/g, "").replace(",", ".")))
  expect(amounts.length).toBeGreaterThan(1)
  expect(amounts).toEqual([...amounts].sort((a, b) => a - b))
  await page.screenshot({ path: test.info().outputPath("product-variants-1280.png"), fullPage: false })

  await addSignToCart(page, 1)
  await page.goto("/winkelmand")
  await expect(page.getByTestId("free-shipping")).toHaveText(/Nog €\s45,05 tot gratis verzending \(vanaf €\s75,00\)\./)
  await expect(page.getByTestId("delivery-promise")).toContainText("Voor 16:00 besteld")
  // Three signs (€ 89,85) pass the threshold: shipping becomes free.
  await page.getByLabel(/Aantal/).first().fill("3")
  await page.getByRole("button", { name: /Bijwerken/ }).first().click()
  await expect(page.getByTestId("free-shipping")).toHaveText("Je bestelling wordt gratis verzonden.")
  await expect(page.getByTestId("shipping")).toHaveText("Gratis")
})

test("an unpaid order on account: transfer details, mail with invoice PDF; its withdrawal cancels it, releases the stock, and staff see it", async ({ page, request }) => {
  const email = `op-rekening-${Date.now()}@example.com`
  await addSignToCart(page, 2)
  await throughCheckout(page, email, true)
  const order = await placeOnAccount(page)
  // Placing the order moved focus to its result, as each checkout step does (WCAG 2.4.3).
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused()

  // The confirmation page: everything for the bank transfer, reference = order number.
  const transfer = page.getByTestId("payment-on-account")
  await expect(transfer.getByTestId("payment-amount")).toHaveText(/€\s66,85/)
  await expect(page.getByTestId("tax"), "btw on the confirmation page").toHaveText(TWO_SIGNS_VAT)
  await expect(transfer.getByTestId("payment-iban")).toHaveText(IBAN)
  await expect(transfer.getByTestId("payment-account-name")).toHaveText(ACCOUNT_NAME)
  await expect(transfer.getByTestId("payment-reference")).toHaveText(String(order.number))
  await expect(transfer.getByTestId("payment-due-date")).toHaveText(today(14))
  // Readable on a phone: the IBAN and the account name each on one line, not a letter column.
  await page.setViewportSize({ width: 390, height: 844 })
  for (const id of ["payment-iban", "payment-account-name", "payment-due-date"]) {
    const box = (await transfer.getByTestId(id).boundingBox())!
    const lineHeight = await transfer.getByTestId(id).evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
    expect(box.height, `${id} on one line at 390 px`).toBeLessThan(lineHeight * 1.5)
  }

  // The confirmation mail says the same and carries the invoice, which names the same order and account.
  test.skip(!process.env.MAIL_DIR, "MAIL_DIR is set by `npm test`")
  await expect.poll(() => mailFor(email, "order-placed"), { timeout: 30_000 }).toContain(`Bedankt voor je bestelling #${order.number}`)
  const mail = mailFor(email, "order-placed")!
  expect(money(mail)).toContain("Bedrag: € 66,85")
  expect(mail).toContain(`IBAN: ${IBAN}`)
  expect(mail).toContain(`Ten name van: ${ACCOUNT_NAME}`)
  expect(mail).toContain(`Omschrijving (betalingskenmerk): ${order.number}`)
  expect(mail).toContain(`Uiterlijk betalen op: ${today(14)}`)
  const pdf = pdfAttachment(mail)
  expect(pdf, "invoice PDF attached").toBeDefined()
  expect(pdf!.subarray(0, 5).toString("latin1")).toBe("%PDF-")
  const invoice = pdfText(pdf!)
  expect(invoice).toContain(`#${order.number}`)
  // (pdfkit wraps the payment sentence, so compare without spaces)
  expect(invoice.replace(/\s+/g, "")).toContain(IBAN.replace(/\s+/g, ""))
  expect(invoice.replace(/\s+/g, ""), "the invoice asks for the same reference").toContain(`ondervermeldingvanbestelnummer${order.number}.`)
  expect(money(invoice)).toContain("€ 66,85")
  const invoiceNumber = /factuur \((F\d{6})\)/.exec(mail)?.[1]
  expect(invoiceNumber, "the mail names its invoice").toBeTruthy()
  expect(invoice).toContain(invoiceNumber!)

  // The stock is reserved for the order until the withdrawal.
  expect(await reservedFor(request, order.id)).toBe(2)

  // The mail's withdrawal link fills in number and e-mail address.
  const link = /Overeenkomst herroepen: (\S+)/.exec(mail)![1]!
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""))
  await expect(page.getByLabel("Bestelnummer")).toHaveValue(String(order.number))
  await expect(page.getByLabel("E-mailadres van je bestelling")).toHaveValue(email)
  await page.getByRole("button", { name: "Verder naar bevestigen" }).click()
  await page.getByRole("button", { name: "Bevestig herroeping" }).click()
  const done = page.getByTestId("withdrawal-done")
  await expect(done.getByRole("heading", { name: "Je herroeping is ontvangen" })).toBeVisible()
  const steps = done.getByTestId("withdrawal-next-steps")
  await expect(steps).toHaveAttribute("data-situation", "unpaid")
  await expect(steps.getByRole("heading", { name: "Je bestelling is geannuleerd" })).toBeVisible()
  await expect(steps).toContainText("Je hoeft niets te betalen")
  await expect(done).not.toContainText(/terug op dezelfde manier|mail ons|mailto/i)
  await expect(done.locator('a[href^="mailto:"]')).toHaveCount(0)

  // The order page tells the same story and no longer offers to pay or to withdraw.
  await page.goto(`/bestelling/${order.id}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je hebt deze bestelling herroepen")
  await expect(page.getByTestId("payment-on-account")).toHaveCount(0)
  await expect(page.getByRole("main").getByTestId("withdrawal-link")).toHaveCount(0)
  await expect(page.getByTestId("withdrawal-next-steps")).toHaveAttribute("data-situation", "unpaid")

  // Medusa cancelled it: status, and the reservations are gone (stock free again).
  const { order: cancelled } = await admin(request, "GET", `/admin/orders/${order.id}?fields=status`)
  expect(cancelled.status).toBe("canceled")
  expect(await reservedFor(request, order.id)).toBe(0)

  await expect.poll(() => mailFor(email, "withdrawal-received"), { timeout: 30_000 }).toContain("Je hoeft niets te betalen")
  expect(mailFor(email, "withdrawal-received")).not.toContain("terug op dezelfde manier")

  // Staff: first on the order page, and above the order list.
  await staffLogIn(page)
  await page.goto(`${BACKEND_URL}/app/orders/${order.id}`)
  const widget = page.getByTestId("order-withdrawal-widget")
  await expect(widget).toContainText("Herroepen · geannuleerd", { timeout: 30_000 })
  await expect(widget).toContainText("automatisch geannuleerd")
  const orderHeading = page.getByRole("heading", { name: `#${order.number}` }).first()
  await expectAbove(widget, orderHeading)
  await page.goto(`${BACKEND_URL}/app/orders`)
  const list = page.getByTestId("order-list-withdrawals")
  await expect(list).toContainText(`#${order.number}`, { timeout: 30_000 })
  await expect(list).toContainText("Herroepen · geannuleerd")
  await expectAbove(list, page.locator("table").first())
})

test("a paid order withdrawn without JavaScript: refund within 14 days, not cancelled, staff see 'terugbetalen'", async ({ browser, request }) => {
  const { context, page } = await newPage(browser, false)
  const email = `betaald-${Date.now()}@example.com`
  await addSignToCart(page, 2)
  await throughCheckout(page, email, false)
  const order = await placeOnAccount(page)

  // The transfer arrived: staff capture the payment.
  const { order: detail } = await admin(request, "GET", `/admin/orders/${order.id}?fields=payment_collections.payments.id`)
  await admin(request, "POST", `/admin/payments/${detail.payment_collections[0].payments[0].id}/capture`, {})

  // From the footer, as a shopper who kept only the mail's order number.
  await page.goto("/")
  await page.getByRole("contentinfo").getByRole("link", { name: "Overeenkomst herroepen" }).click()
  await page.getByLabel("Bestelnummer").fill(String(order.number))
  await page.getByLabel("E-mailadres van je bestelling").fill(email)
  await page.getByRole("button", { name: "Verder naar bevestigen" }).click()
  await page.getByRole("button", { name: "Bevestig herroeping" }).click()
  const steps = page.getByTestId("withdrawal-next-steps")
  await expect(steps).toHaveAttribute("data-situation", "paid")
  await expect(steps.getByRole("heading", { name: "Je krijgt je geld terug" })).toBeVisible()
  await expect(steps).toContainText("binnen 14 dagen terug op dezelfde manier als je betaalde")
  await expect(steps).not.toContainText("niets te betalen")

  await page.goto(`/bestelling/${order.id}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je hebt deze bestelling herroepen")
  await expect(page.getByTestId("withdrawal-next-steps")).toHaveAttribute("data-situation", "paid")

  // Not cancelled automatically (staff refund), but listed for staff as "terugbetalen".
  const { order: after } = await admin(request, "GET", `/admin/orders/${order.id}?fields=status`)
  expect(after.status).not.toBe("canceled")
  const { withdrawals } = await admin(request, "GET", "/admin/withdrawals")
  expect(withdrawals.find((w: { display_id: number }) => w.display_id === order.number)).toMatchObject({ situation: "paid", order_canceled: false })

  test.skip(!process.env.MAIL_DIR, "MAIL_DIR is set by `npm test`")
  await expect.poll(() => mailFor(email, "withdrawal-received"), { timeout: 30_000 }).toContain("binnen 14 dagen terug")
  await context.close()
})

test("staff see an order on account as not yet paid, on the order and above the list, until 'Betaling ontvangen' captures it", async ({ page, request }) => {
  await addSignToCart(page, 1)
  const number = await checkOutOnAccount(page, { "E-mailadres": `nog-niet-betaald-${Date.now()}@example.com` })
  const orderId = new URL(page.url()).pathname.split("/").pop()!

  await staffLogIn(page)
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(`${BACKEND_URL}/app/orders`)
    const list = page.getByTestId("order-list-unpaid-on-account")
    await expect(list).toContainText(`#${number}`, { timeout: 30_000 })
    await expect(list).toContainText(`te betalen vóór ${today(14)} · kenmerk ${number}`)
    await expectAbove(list, page.locator("table").first())
    await page.screenshot({ path: test.info().outputPath(`admin-order-list-unpaid-${width}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByTestId("order-list-unpaid-on-account").getByRole("link", { name: `#${number}` }).click()
  await expect(page).toHaveURL(new RegExp(`/app/orders/${orderId}`))
  const panel = page.getByTestId("order-account-payment")
  await expect(panel).toContainText(`Nog niet betaald — betalen op rekening, te betalen vóór ${today(14)}, kenmerk ${number}`, { timeout: 30_000 })
  const orderHeading = page.getByRole("heading", { name: `#${number}` }).first()
  await expectAbove(panel, orderHeading, "the panel is at the top of the order")
  await page.screenshot({ path: test.info().outputPath("admin-order-unpaid-1280.png") })
  await page.setViewportSize({ width: 390, height: 900 })
  await page.screenshot({ path: test.info().outputPath("admin-order-unpaid-390.png") })
  await page.setViewportSize({ width: 1280, height: 900 })

  // Capturing cannot be undone: a confirmation comes first, and cancelling it captures nothing.
  await panel.getByRole("button", { name: "Betaling ontvangen" }).click()
  const confirm = page.getByRole("alertdialog")
  await expect(confirm).toContainText("Betaling registreren?")
  await confirm.getByRole("button", { name: "Annuleren" }).click()
  await expect(confirm).toHaveCount(0)
  expect((await admin(request, "GET", `/admin/orders/${orderId}?fields=payment_status`)).order.payment_status).not.toBe("captured")
  await panel.getByRole("button", { name: "Betaling ontvangen" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Ja, betaling ontvangen" }).click()
  await expect(page.getByText("Betaling geregistreerd: de bestelling is betaald.")).toBeVisible({ timeout: 30_000 })
  await expect(panel).toHaveCount(0)
  const { order } = await admin(request, "GET", `/admin/orders/${orderId}?fields=payment_status`)
  expect(order.payment_status).toBe("captured")
  await page.goto(`${BACKEND_URL}/app/orders`)
  await expect(page.locator("table").first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId("order-list-unpaid-on-account").getByRole("link", { name: `#${number}` })).toHaveCount(0)
})

/**
 * `upper` ends up above `lower` on the page. Polled: Medusa's admin first appends widgets after
 * its own sections and moves them once the zone's layout configuration has loaded.
 */
async function expectAbove(upper: Locator, lower: Locator, message = "above") {
  await expect
    .poll(async () => ((await upper.boundingBox())?.y ?? Infinity) < ((await lower.boundingBox())?.y ?? -Infinity), { message, timeout: 15_000 })
    .toBe(true)
}
