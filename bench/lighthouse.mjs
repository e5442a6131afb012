#!/usr/bin/env node
/**
 * Lighthouse (mobile, its default simulated throttling: Slow 4G, 4× CPU) on the pages a
 * shopper and a group founder see, against a running storefront (issue #29):
 *
 *   npm run bench:lighthouse -- --url http://localhost:3000 [--runs 3] [--pages product,cart] [--json out.json]
 *
 * One row per page: the four category scores and FCP, LCP, TBT, CLS. With --runs N each page
 * is measured N times (a fresh Chromium each time) and the median of every column is shown,
 * for a loaded machine. The cart and checkout's first step need a cart: one is made through
 * the storefront's one cart route (POST /winkelmand/wijzigen, intent=add: the no-JavaScript form post)
 * and its session cookie is sent with those two pages only.
 * Chromium: Debian's /usr/bin/chromium (CHROMIUM_PATH to choose another; installed through apt when root). Bench only: no test uses it.
 */
import fs from "node:fs"
import os from "node:os"
import { parseArgs } from "node:util"
import zlib from "node:zlib"
import * as chromeLauncher from "chrome-launcher"
import lighthouse from "lighthouse"
import { ensureChromium } from "../scripts/lib/chromium.mjs"

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.STOREFRONT_URL || "http://localhost:3000" },
    runs: { type: "string", default: "1" },
    pages: { type: "string" },
    product: { type: "string", default: "raamsticker-whatsapp-buurtpreventie" },
    json: { type: "string" },
  },
})
const base = values.url.replace(/\/$/, "")
const runs = Math.max(1, Number(values.runs) || 1)
// Debian's Chromium (CHROMIUM_PATH), installed through apt when we are root, else one line saying how
const CHROME = ensureChromium((line) => process.stderr.write(`${line}\n`))

/** Hidden and named inputs of the first form posting to `action` in `html`. */
function formFields(html, action) {
  const form = new RegExp(`<form[^>]*action="${action.replace(/\//g, "\\/")}"[^>]*>([\\s\\S]*?)</form>`).exec(html)
  if (!form) throw new Error(`no form to ${action}`)
  const fields = {}
  for (const [input] of form[1].matchAll(/<input[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(input)?.[1]
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1] ?? ""
    if (name && !/type="(?:checkbox|radio)"/.test(input)) fields[name] = value.replace(/&amp;/g, "&").replace(/&quot;/g, '"')
  }
  return fields
}

/** A session with one product in its cart, made like a visitor without JavaScript does. */
async function cartCookie() {
  const page = await fetch(`${base}/producten/${values.product}`)
  if (!page.ok) throw new Error(`product page ${page.status}`)
  const fields = formFields(await page.text(), "/winkelmand/wijzigen")
  const cookies = page.headers.getSetCookie().map((c) => c.split(";")[0])
  const answer = await fetch(`${base}/winkelmand/wijzigen`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(base).origin, ...(cookies.length ? { Cookie: cookies.join("; ") } : {}) },
    body: new URLSearchParams({ quantity: "1", ...fields }),
  })
  const set = answer.headers.getSetCookie().map((c) => c.split(";")[0])
  const jar = new Map([...cookies, ...set].map((c) => [c.slice(0, c.indexOf("=")), c]))
  if (answer.status !== 303 || jar.size === 0) throw new Error(`add to cart answered ${answer.status}`)
  return [...jar.values()].join("; ")
}

/** The first group linked from /groepen. */
async function groupPath() {
  const html = await (await fetch(`${base}/groepen`)).text()
  const reserved = new Set(["aanmelden", "kaart", "aangemeld", "bevestigen"])
  for (const [, slug] of html.matchAll(/href="\/groepen\/([a-z0-9-]+)"/g)) if (!reserved.has(slug)) return `/groepen/${slug}`
  throw new Error("no group linked from /groepen")
}

const pages = [
  { name: "product", path: `/producten/${values.product}` },
  { name: "category", path: "/winkel/borden" },
  { name: "home", path: "/" },
  { name: "cart", path: "/winkelmand", cart: true },
  { name: "checkout (address)", path: "/afrekenen", cart: true },
  { name: "groups", path: "/groepen" },
  { name: "group page", path: null },
  { name: "code of conduct", path: "/gedragsregels" },
  { name: "group sign-up", path: "/groepen/aanmelden" },
].filter((page) => !values.pages || values.pages.split(",").some((wanted) => page.name.startsWith(wanted)))

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function measure(url, cookie) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"] })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    })
    const { categories, audits } = result.lhr
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`)
    return {
      performance: categories.performance.score * 100,
      accessibility: categories.accessibility.score * 100,
      bestPractices: categories["best-practices"].score * 100,
      seo: categories.seo.score * 100,
      fcp: audits["first-contentful-paint"].numericValue,
      lcp: audits["largest-contentful-paint"].numericValue,
      tbt: audits["total-blocking-time"].numericValue,
      cls: audits["cumulative-layout-shift"].numericValue,
      // Lighthouse 12: a list of tables, the first of which names the element
      lcpElement: lcpElementOf(audits["largest-contentful-paint-element"]?.details),
    }
  } finally {
    chrome.kill()
  }
}

/**
 * The snippet of the LCP element: Lighthouse 12 gives a list of tables, the first of which
 * names the element (its typings do not describe that shape, hence the plain objects).
 * @param {unknown} details
 * @returns {string}
 */
function lcpElementOf(details) {
  /** @type {any[]} */
  const tables = (/** @type {any} */ (details))?.items ?? []
  const rows = tables.flatMap((item) => item.items ?? [item])
  return rows.find((item) => item.node)?.node?.snippet ?? ""
}

/** The product page's JavaScript, gzip level 9: its script and modulepreload chunks, as bench/shop.mjs counts them. */
async function productJavaScript() {
  const url = `${base}/producten/${values.product}`
  const html = await (await fetch(url)).text()
  const srcs = new Set([
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/import\("([^"]+\.js)"\)|import \* as \w+ from "([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]),
  ])
  let files = 0
  for (const src of srcs) files += zlib.gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer()), { level: 9 }).length
  let inline = 0
  for (const m of html.matchAll(/<script(?![^>]+src=)[^>]*>([\s\S]*?)<\/script>/g)) inline += zlib.gzipSync(m[1]).length
  return { count: srcs.size, files: files / 1024, inline: inline / 1024 }
}

const needsCart = pages.some((page) => page.cart)
const cookie = needsCart ? await cartCookie() : undefined
const rows = []
for (const page of pages) {
  const path = page.path ?? (await groupPath())
  const results = []
  for (let i = 0; i < runs; i++) results.push(await measure(base + path, page.cart ? cookie : undefined))
  const row = { page: page.name, path }
  for (const key of ["performance", "accessibility", "bestPractices", "seo", "fcp", "lcp", "tbt", "cls"]) row[key] = median(results.map((r) => r[key]))
  row.lcpElement = results[0].lcpElement
  rows.push(row)
  process.stderr.write(`${page.name} done (load ${os.loadavg()[0].toFixed(1)})\n`)
}

const load = os.loadavg().map((l) => l.toFixed(1)).join(" ")
console.log(`Lighthouse ${JSON.parse(fs.readFileSync(new URL("../node_modules/lighthouse/package.json", import.meta.url), "utf8")).version}, mobile (simulated Slow 4G, 4× CPU), ${base}, median of ${runs} run(s), load average ${load}`)
console.log("| page | perf | a11y | best pr. | SEO | FCP | LCP | TBT | CLS |")
console.log("|---|---|---|---|---|---|---|---|---|")
const s = (ms) => `${(ms / 1000).toFixed(1)} s`
for (const r of rows) {
  console.log(`| ${r.page} (\`${r.path}\`) | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${s(r.fcp)} | ${s(r.lcp)} | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`)
}
console.log("targets: performance, accessibility, best practices, SEO 100; FCP ≤ 1.0 s; LCP ≤ 1.2 s; TBT ≤ 50 ms; CLS 0")
const js = await productJavaScript()
console.log(`product page JavaScript: ${js.files.toFixed(1)} KB gzip in ${js.count} files (+ ${js.inline.toFixed(1)} KB inline scripts); target ≤ 80 KB`)
for (const r of rows) if (r.lcpElement) console.log(`LCP element, ${r.page}: ${r.lcpElement}`)
if (values.json) fs.writeFileSync(values.json, JSON.stringify({ load, runs, rows }, null, 2))
