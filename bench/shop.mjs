#!/usr/bin/env node
/**
 * Storefront benchmarks (issue #4), printed beside their targets:
 *   - SSR latency of product and category pages at 20 connections (autocannon), warm backend
 *   - JavaScript shipped on a product page, gzip
 *   - add-to-cart round trip (POST + redirect + render of the product page)
 *
 * Starts its own backend + storefront on a throwaway database (DATABASE_URL's server,
 * or an embedded PostgreSQL), like the e2e suite: `npm run bench`.
 */
import autocannon from "autocannon"
import zlib from "node:zlib"
import { reportAndExit } from "../backend/scripts/lib/errors.mjs"
import { CONNECTIONS, DURATION_S, p95, printTable, withBenchStack } from "./lib.mjs"

const rows = []
const row = (what, figure, target, ok) => rows.push({ what, figure, target, ok })

/**
 * `uncached`: every request carries a different cookie, so the storefront's 2-second
 * micro-cache (keyed by cookie) never answers: the cost of rendering for a visitor with a cart.
 */
async function measurePage(url, name, { uncached = false } = {}) {
  // Warm the backend and the storefront's catalogue cache first.
  for (let i = 0; i < 20; i++) await fetch(url).then((r) => r.text())
  let n = 0
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(uncached && {
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: `visitor=${n++}` } }) }],
    }),
  })
  if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  const high = p95(result)
  row(`${name} SSR p50 (${CONNECTIONS} conn.)`, `${result.latency.p50} ms`, "", true)
  row(`${name} SSR p95 (${CONNECTIONS} conn.)`, `${high} ms`, "< 100 ms", high < 100)
  row(`${name} throughput`, `${Math.round(result.requests.average)} req/s`, "", true)
}

async function measureJavaScript(pageUrl) {
  const html = await (await fetch(pageUrl)).text()
  const srcs = new Set([
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/import\("([^"]+\.js)"\)|import \* as \w+ from "([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]),
  ])
  let gzip = 0
  let inline = 0
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer())
    gzip += zlib.gzipSync(body, { level: 9 }).length
  }
  for (const m of html.matchAll(/<script(?![^>]+src=)[^>]*>([\s\S]*?)<\/script>/g)) inline += zlib.gzipSync(m[1]).length
  const kb = (gzip + inline) / 1024
  row(`Product page JavaScript (${srcs.size} files + inline, gzip)`, `${kb.toFixed(1)} KB`, "< 120 KB", kb < 120)
}

/** One shopper adding to their cart again and again (the first add also creates the cart). */
async function measureAddToCart(storefrontUrl, productPath, variantId, { shoppers, rounds }) {
  const durations = []
  const worker = async () => {
    let cookie = ""
    for (let i = 0; i < rounds; i++) {
      const started = performance.now()
      const post = await fetch(new URL(productPath, storefrontUrl), {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ variantId, quantity: "1" }),
      })
      cookie = (post.headers.get("set-cookie") ?? cookie).split(";")[0]
      const location = post.headers.get("location")
      if (post.status !== 303 || !location) throw new Error(`add to cart answered ${post.status}`)
      const page = await fetch(new URL(location, storefrontUrl), { headers: { cookie } })
      const html = await page.text()
      if (!html.includes("Product toegevoegd aan winkelmand")) throw new Error("no notice after adding to cart")
      cookie = (page.headers.get("set-cookie") ?? cookie).split(";")[0]
      durations.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: shoppers }, worker))
  durations.sort((a, b) => a - b)
  const p = (q) => Math.round(durations[Math.min(durations.length - 1, Math.floor(q * durations.length))])
  const who = shoppers === 1 ? "1 shopper" : `${shoppers} shoppers at once`
  row(`Add to cart round trip p50 (${who})`, `${p(0.5)} ms`, "", true)
  row(`Add to cart round trip p95 (${who})`, `${p(0.95)} ms`, shoppers === 1 ? "< 150 ms" : "", p(0.95) < 150)
}

async function main() {
  await withBenchStack({ referenceData: { download: false } }, async (stack) => {
    const productPath = "/producten/straatbord-whatsapp-buurtpreventie"
    await measurePage(new URL(productPath, stack.storefrontUrl).href, "Product page")
    await measurePage(new URL(productPath, stack.storefrontUrl).href, "Product page, no micro-cache", { uncached: true })
    await measurePage(new URL("/winkel/borden", stack.storefrontUrl).href, "Category page")
    await measurePage(new URL("/winkel/borden", stack.storefrontUrl).href, "Category page, no micro-cache", { uncached: true })
    await measureJavaScript(new URL(productPath, stack.storefrontUrl).href)
    const { products } = await (
      await fetch(`${stack.backendUrl}/store/products?handle=lantaarnpaalbord&fields=*variants`, {
        headers: { "x-publishable-api-key": stack.publishableKey },
      })
    ).json()
    const variantId = products[0].variants[0].id
    await measureAddToCart(stack.storefrontUrl, "/producten/lantaarnpaalbord", variantId, { shoppers: 1, rounds: 30 })
    await measureAddToCart(stack.storefrontUrl, "/producten/lantaarnpaalbord", variantId, { shoppers: 5, rounds: 6 })
  })
  printTable(rows)
}

main().catch(reportAndExit)
