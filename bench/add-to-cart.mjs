#!/usr/bin/env node
/**
 * Add to cart as the shopper sees it (issue #18), in Debian's Chromium through
 * playwright-core, timed inside the page from the click event to the DOM:
 *   - perceived: the header count changes and the notice "Product toegevoegd aan winkelmand" appears
 *   - confirmed: the notice is the server's (no longer `data-state="pending"`)
 *   - 20 shoppers adding at once (the fetcher's own request, from Node): confirmed p95, failed adds
 *   - Medusa's own `POST /store/carts/:id/line-items` (`?fields=id`), one at a time
 *
 * Starts its own backend + storefront on a throwaway database, like `npm run bench`:
 * `npm run bench:add-to-cart` (`-- --line-items` for Medusa's call alone). On a shared
 * machine set BENCH_BACKEND_PORT / BENCH_STOREFRONT_PORT / BENCH_PG_PORT; the load
 * average is printed beside the figures.
 */
import { chromium } from "playwright-core"
import { reportAndExit } from "../backend/scripts/lib/errors.mjs"
import { CHROMIUM, ensureChromium } from "../scripts/lib/chromium.mjs"
import { loadAverage, printTable, quantile, withBenchStack } from "./lib.mjs"

const PRODUCT = "/producten/lantaarnpaalbord"
const TRIES = Number(process.env.BENCH_TRIES || 40)
const SHOPPERS = 20
const ROUNDS = 3

const rows = []
const row = (what, figure, target = "", ok = true) => rows.push({ what, figure, target, ok })

/** p50 and p95 rows of a list of durations, the load average beside them. */
function percentileRows(what, durations, target95, limit95) {
  const high = quantile(durations, 0.95)
  const load = loadAverage()
  row(`${what} p50 (load ${load})`, `${quantile(durations, 0.5)} ms`)
  row(`${what} p95 (load ${load})`, `${high} ms`, target95, limit95 === undefined || high <= limit95)
}

/**
 * Installed in the page before the click: resolves with the times from the click event
 * to each change of the DOM (MutationObserver, so before paint), or `error` when the
 * notice shows a refusal instead.
 */
function timeNextAdd() {
  const count = () => document.querySelector('[data-testid="cart-count"]')?.textContent
  const before = count()
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "In winkelmand")
  // Read back by clickAndTime's page.evaluate: a global is what crosses into the page.
  const pageWindow = /** @type {Window & { __addTimes?: Promise<unknown> }} */ (window)
  pageWindow.__addTimes = new Promise((resolve) => {
    let clickedAt
    const times = {}
    button.addEventListener("click", (event) => (clickedAt = event.timeStamp), { capture: true, once: true })
    const observer = new MutationObserver(() => {
      if (clickedAt === undefined) return
      const now = performance.now() - clickedAt
      const notice = document.querySelector('[data-testid="notice"], [data-testid="notice-pending"]')
      const added = notice?.textContent?.includes("Product toegevoegd aan winkelmand")
      if (times.count === undefined && count() !== before) times.count = now
      if (times.notice === undefined && added) times.notice = now
      if (times.confirmed === undefined && added && notice.getAttribute("data-state") !== "pending") times.confirmed = now
      if (notice && !added) {
        observer.disconnect()
        resolve({ error: notice.textContent })
      } else if (times.count !== undefined && times.notice !== undefined && times.confirmed !== undefined) {
        observer.disconnect()
        resolve(times)
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
}

/** Clicks "In winkelmand" on a page prepared by timeNextAdd; the page's own timing, or `{ error }`. */
async function clickAndTime(page) {
  await page.getByRole("button", { name: "In winkelmand" }).click()
  return Promise.race([
    page.evaluate(() => /** @type {Window & { __addTimes?: Promise<unknown> }} */ (window).__addTimes),
    new Promise((resolve) => setTimeout(() => resolve({ error: "no confirmed state within 15 s" }), 15_000)),
  ])
}

/** Loads the product page, waits until React has hydrated its form, and prepares the timing of the next add. */
async function openProduct(page, storefrontUrl) {
  await page.goto(new URL(PRODUCT, storefrontUrl).href, { timeout: 120_000 })
  const hydrated = () => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "In winkelmand")
    const form = button?.closest("form")
    return Boolean(form && Object.keys(form).some((key) => key.startsWith("__reactProps")))
  }
  await page.waitForFunction(hydrated, null, { timeout: 120_000 })
  await page.evaluate(timeNextAdd)
}

async function addOnce(page, storefrontUrl) {
  await openProduct(page, storefrontUrl)
  return clickAndTime(page)
}

async function measureBrowser(browser, storefrontUrl) {
  const context = await browser.newContext({ locale: "nl-NL" })
  const page = await context.newPage()
  await addOnce(page, storefrontUrl) // warm-up: creates the cart
  const results = []
  for (let i = 0; i < TRIES; i++) results.push(await addOnce(page, storefrontUrl))
  await context.close()
  const failed = results.filter((r) => r.error)
  if (failed.length) throw new Error(`${failed.length} of ${TRIES} adds failed: ${failed[0].error}`)
  percentileRows(`Click → header count (1 shopper, ${TRIES} tries)`, results.map((r) => r.count), "≤ 100 ms", 100)
  percentileRows(`Click → notice "toegevoegd" (1 shopper)`, results.map((r) => r.notice), "≤ 100 ms", 100)
  percentileRows(`Click → confirmed by the server (1 shopper)`, results.map((r) => r.confirmed), "≤ 350 ms", 350)
}

/**
 * 20 shoppers adding at the same moment, each with their own cart (the first round
 * creates them), as the browser posts: `POST /winkelmand/wijzigen` (intent=add) with
 * `Accept: application/json` and a new add key each time. HTTP from Node rather than 20 Chromium pages, which would take the
 * two cores from the servers; confirmed = the action's answer arrived and says ok.
 */
async function measureCrowd(storefrontUrl, variantId) {
  const url = new URL("/winkelmand/wijzigen", storefrontUrl).href
  const cookies = Array.from({ length: SHOPPERS }, () => "")
  const results = []
  const add = async (shopper) => {
    const started = performance.now()
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", cookie: cookies[shopper] },
        body: new URLSearchParams({ intent: "add", variantId, quantity: "1", addKey: crypto.randomUUID().replaceAll("-", "") }),
      })
      const body = await response.text()
      cookies[shopper] = (response.headers.get("set-cookie") ?? cookies[shopper]).split(";")[0]
      if (!response.ok || !body.includes('"ok":true')) return { error: `HTTP ${response.status}: ${body.slice(0, 200)}` }
      return { confirmed: performance.now() - started }
    } catch (error) {
      return { error: String(error) }
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    results.push(...(await Promise.all(cookies.map((_, shopper) => add(shopper)))))
  }
  const failed = results.filter((r) => r.error)
  const ok = results.filter((r) => !r.error)
  const who = `${SHOPPERS} shoppers at once, ${ROUNDS} rounds`
  if (ok.length) percentileRows(`Click → confirmed (${who})`, ok.map((r) => r.confirmed))
  row(`Failed adds (${who})`, `${failed.length} of ${results.length}`, "0", failed.length === 0)
  if (failed.length) console.log(`First failure: ${failed[0].error}`)
}

/** Medusa's add-line-item call alone, one at a time on one cart (the storefront's request shape). */
async function measureLineItems(backendUrl, publishableKey) {
  const call = async (path, init = {}) => {
    const response = await fetch(`${backendUrl}${path}`, {
      ...init,
      headers: { "x-publishable-api-key": publishableKey, "content-type": "application/json" },
    })
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
    return response.json()
  }
  const { regions } = await call("/store/regions?fields=id,name")
  const { products } = await call("/store/products?handle=lantaarnpaalbord&fields=id,*variants")
  const variantId = products[0].variants[0].id
  const { cart } = await call("/store/carts?fields=id", {
    method: "POST",
    body: JSON.stringify({ region_id: regions.find((r) => r.name === "Nederland")?.id ?? regions[0].id }),
  })
  const add = () =>
    call(`/store/carts/${cart.id}/line-items?fields=id`, { method: "POST", body: JSON.stringify({ variant_id: variantId, quantity: 1 }) })
  for (let i = 0; i < 5; i++) await add() // warm-up
  const durations = []
  for (let i = 0; i < TRIES; i++) {
    const started = performance.now()
    await add()
    durations.push(performance.now() - started)
  }
  percentileRows(`Medusa POST /store/carts/:id/line-items (${TRIES}, one at a time)`, durations)
  return variantId
}

async function main() {
  const lineItemsOnly = process.argv.includes("--line-items")
  if (!lineItemsOnly) ensureChromium()
  await withBenchStack({ referenceData: { download: false } }, async (stack) => {
    const variantId = await measureLineItems(stack.backendUrl, stack.publishableKey)
    if (lineItemsOnly) return
    await measureCrowd(stack.storefrontUrl, variantId)
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    })
    try {
      await measureBrowser(browser, stack.storefrontUrl)
    } finally {
      await browser.close()
    }
  }).finally(() => rows.length && printTable(rows))
}

main().catch(reportAndExit)
