#!/usr/bin/env node
/**
 * A phone on a slow network, for real rather than simulated (issue #29): Debian's Chromium
 * driven by playwright-core, the network and CPU throttled through the DevTools protocol the
 * way Lighthouse's mobile preset describes them (150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up, CPU 4× slower), a 412 × 823 touch screen. Each visit is a fresh browser
 * context (empty cache, no cookies); FCP and LCP are read in the page from the browser's own
 * paint timing entries once the page has loaded and gone quiet.
 *
 *   npm run bench:phone -- --url http://localhost:3000 [--official http://localhost:8000/nl/products/raamsticker-whatsapp-buurtpreventie] [--runs 7] [--path /producten/…]
 *
 * With --official the same product page of Medusa's official storefront built against our
 * backend (README, "Speed on a phone") is visited in the same run, alternating with ours
 * visit by visit, so both see the same machine load; the last line is our LCP median as a
 * fraction of theirs (target ≤ 0.6). It starts nothing: both storefronts must be running.
 * Bench only: no test uses it.
 */
import os from "node:os"
import { parseArgs } from "node:util"
import { chromium } from "playwright-core"
import { ensureChromium } from "../scripts/lib/chromium.mjs"

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.STOREFRONT_URL || "http://localhost:3000" },
    path: { type: "string", default: "/producten/raamsticker-whatsapp-buurtpreventie" },
    official: { type: "string" },
    runs: { type: "string", default: "7" },
  },
})
const runs = Math.max(1, Number(values.runs) || 7)
// Debian's Chromium (CHROMIUM_PATH), installed through apt when we are root, else one line saying how
const CHROME = ensureChromium((line) => process.stderr.write(`${line}\n`))

/** Lighthouse's "Slow 4G" mobile preset (its DevTools throttling figures), as the issue measures. */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpuSlowdown: 4 }

/**
 * Runs in the page before any of its scripts: keeps the last LCP candidate (its time and
 * element) and the first contentful paint, as web-vitals does.
 */
function collectPaints() {
  const seen = { fcp: null, lcp: null, lcpElement: "" }
  // @ts-ignore: read back through page.evaluate
  window.__paints = seen
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") seen.fcp = entry.startTime
  }).observe({ type: "paint", buffered: true })
  new PerformanceObserver((list) => {
    const entries = list.getEntries()
    const last = /** @type {any} */ (entries[entries.length - 1])
    seen.lcp = last.startTime
    const el = last.element
    seen.lcpElement = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("src") ? ` src=${el.getAttribute("src").slice(0, 60)}` : ` "${(el.textContent || "").trim().slice(0, 40)}"`}` : ""
  }).observe({ type: "largest-contentful-paint", buffered: true })
}

/** One visit of `url` in a fresh context, throttled: FCP, LCP, the LCP element, bytes and requests. */
async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: "nl-NL" })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true })
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: SLOW_4G.latency, downloadThroughput: SLOW_4G.downloadThroughput, uploadThroughput: SLOW_4G.uploadThroughput })
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW_4G.cpuSlowdown })
    let bytes = 0
    let requests = 0
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength
      requests++
    })
    await page.addInitScript(collectPaints)
    const answer = await page.goto(url, { waitUntil: "load", timeout: 60_000 })
    if (!answer?.ok()) throw new Error(`${url} answered ${answer?.status()}`)
    await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => {})
    await page.waitForTimeout(500)
    const paints = await page.evaluate(() => /** @type {any} */ (window).__paints)
    if (paints.lcp == null) throw new Error(`${url}: no largest-contentful-paint entry`)
    return { ...paints, bytes, requests }
  } finally {
    await context.close()
  }
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const targets = [{ name: "ours", url: values.url.replace(/\/$/, "") + values.path }]
if (values.official) targets.push({ name: "official", url: values.official })

const browser = await chromium.launch({ executablePath: CHROME, args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"] })
const results = Object.fromEntries(targets.map((t) => [t.name, []]))
const loads = []
try {
  // One unmeasured visit each: the servers' first answer after a start is not what a shopper gets.
  for (const target of targets) await visit(browser, target.url)
  for (let i = 0; i < runs; i++) {
    for (const target of targets) results[target.name].push(await visit(browser, target.url))
    loads.push(os.loadavg()[0])
    process.stderr.write(`run ${i + 1}/${runs} (load ${os.loadavg()[0].toFixed(1)})\n`)
  }
} finally {
  await browser.close()
}

const ms = (x) => `${Math.round(x)} ms`
console.log(`Phone, throttled in Chromium (${SLOW_4G.latency} ms RTT, 1.6 Mbit/s down, CPU ${SLOW_4G.cpuSlowdown}×), fresh context per visit, median of ${runs}; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`)
console.log("| storefront | URL | FCP | LCP | LCP p-max | bytes | requests | LCP element |")
console.log("|---|---|---|---|---|---|---|---|")
for (const target of targets) {
  const r = results[target.name]
  const bytes = median(r.map((x) => x.bytes))
  console.log(`| ${target.name} | ${target.url} | ${ms(median(r.map((x) => x.fcp)))} | ${ms(median(r.map((x) => x.lcp)))} | ${ms(Math.max(...r.map((x) => x.lcp)))} | ${(bytes / 1024).toFixed(1)} KB | ${median(r.map((x) => x.requests))} | ${r[0].lcpElement} |`)
}
if (values.official) {
  const ratio = median(results.ours.map((x) => x.lcp)) / median(results.official.map((x) => x.lcp))
  console.log(`LCP ours / official: ${ratio.toFixed(2)} (target ≤ 0.60)`)
}
