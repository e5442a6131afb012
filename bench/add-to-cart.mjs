#!/usr/bin/env node
/**
 * Add to cart as the shopper sees it (issue #18), in Debian's Chromium through
 * playwright-core, timed inside the page from the click event to the DOM:
 *   - perceived: the header count changes and the notice "Product toegevoegd aan winkelmand" appears
 *   - confirmed: the notice is the server's (no longer `data-state="pending"`)
 *   - the same with 20 shoppers clicking at once, and how many adds failed
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
  row(`${what} p50`, `${quantile(durations, 0.5)} ms`, `load ${loadAverage()}`)
  row(`${what} p95`, `${high} ms`, target95, limit95 === undefined || high <= limit95)
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
  window.__addTimes = new Promise((resolve) => {
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
    page.evaluate(() => window.__addTimes),
    new Promise((resolve) => setTimeout(() => resolve({ error: "no confirmed state within 15 s" }), 15_000)),
  ])
}

/** Loads the product page (hydrated and idle) and prepares the timing of the next add. */
async function openProduct(page, storefrontUrl) {
  await page.goto(new URL(PRODUCT, storefrontUrl).href, { waitUntil: "networkidle" })
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

async function measureCrowd(browser, storefrontUrl) {
  const pages = await Promise.all(
    Array.from({ length: SHOPPERS }, async () => (await browser.newContext({ locale: "nl-NL" })).newPage()),
  )
  const results = []
  for (let round = 0; round < ROUNDS; round++) {
    // Pages loaded first, then every shopper clicks at the same moment.
    await Promise.all(pages.map((page) => openProduct(page, storefrontUrl)))
    results.push(...(await Promise.all(pages.map(clickAndTime))))
  }
  await Promise.all(pages.map((page) => page.context().close()))
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
}

async function main() {
  const lineItemsOnly = process.argv.includes("--line-items")
  if (!lineItemsOnly) ensureChromium()
  await withBenchStack({ referenceData: { download: false } }, async (stack) => {
    await measureLineItems(stack.backendUrl, stack.publishableKey)
    if (lineItemsOnly) return
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    })
    try {
      await measureBrowser(browser, stack.storefrontUrl)
      await measureCrowd(browser, stack.storefrontUrl)
    } finally {
      await browser.close()
    }
  })
  printTable(rows)
}

main().catch(reportAndExit)
