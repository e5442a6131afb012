#!/usr/bin/env node
/**
 * Checkout through the store API (issue 16), timed end to end per shopper:
 * create cart with a line → e-mail and address → shipping options + shipping method →
 * payment collection + session (manual provider, so nothing leaves the machine) →
 * complete. Median and p95 of the whole sequence, printed beside the official Medusa
 * storefront's figures measured on this kind of machine (1,292 / 1,643 ms).
 *
 *   npm run bench:checkout                 (own backend + storefront on a throwaway database)
 *   BENCH_CHECKOUTS=5 node bench/checkout.mjs
 *   BENCH_BACKEND_URL=http://localhost:9000 BENCH_PUBLISHABLE_KEY=pk_… node bench/checkout.mjs   (a running backend)
 *
 * One shopper at a time: this measures latency, not throughput. Do not run it on a
 * machine under load.
 */
import { reportAndExit } from "../backend/scripts/lib/errors.mjs"
import { printTable, withBenchStack } from "./lib.mjs"

const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS || 30)
const WARMUP = Math.min(3, CHECKOUTS)
const MEDUSA_STOREFRONT = { median: 1292, p95: 1643 }
const ADDRESS = {
  first_name: "Bench",
  last_name: "Mark",
  address_1: "Dorpsstraat 1",
  postal_code: "3511 AB",
  city: "Utrecht",
  country_code: "nl",
}

function client(backendUrl, publishableKey) {
  return async (method, path, body) => {
    const response = await fetch(new URL(path, backendUrl), {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await response.json().catch(() => ({}))
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.message ?? ""}`)
    return json
  }
}

/** One complete checkout; returns its duration in ms. */
async function checkout(call, regionId, variantId) {
  const started = performance.now()
  const { cart } = await call("POST", "/store/carts?fields=id", { region_id: regionId, items: [{ variant_id: variantId, quantity: 1 }] })
  await call("POST", `/store/carts/${cart.id}?fields=id`, { email: "bench@example.nl", shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
  // The sticker ships by letterbox post: the option of that shipping profile (the seed's "Brievenbuspost <regio>").
  const option = shipping_options.find((o) => o.name.startsWith("Brievenbuspost"))
  if (!option) throw new Error("no letterbox shipping option for the cart")
  await call("POST", `/store/carts/${cart.id}/shipping-methods?fields=id`, { option_id: option.id })
  const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const result = await call("POST", `/store/carts/${cart.id}/complete`)
  if (result.type !== "order") throw new Error(`complete answered type ${result.type}: ${result.error?.message ?? ""}`)
  return performance.now() - started
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function measure(backendUrl, publishableKey) {
  const call = client(backendUrl, publishableKey)
  const { regions } = await call("GET", "/store/regions?fields=id,name")
  const region = regions.find((r) => r.name === "Nederland") ?? regions[0]
  // A sticker: shipped by letterbox post, one shipping profile, plenty of stock.
  const { products } = await call("GET", `/store/products?region_id=${region.id}&fields=id,*variants&limit=50`)
  const variant = products.flatMap((p) => p.variants ?? []).find((v) => /^STK-/.test(v.sku ?? "")) ?? products[0].variants[0]

  for (let i = 0; i < WARMUP; i++) await checkout(call, region.id, variant.id)
  const durations = []
  for (let i = 0; i < CHECKOUTS; i++) durations.push(await checkout(call, region.id, variant.id))
  durations.sort((a, b) => a - b)
  const median = Math.round(percentile(durations, 50))
  const high = Math.round(percentile(durations, 95))
  printTable([
    { what: `Store API checkout, median (${CHECKOUTS} checkouts, 1 at a time)`, figure: `${median} ms`, target: `Medusa storefront ${MEDUSA_STOREFRONT.median.toLocaleString("en")} ms`, ok: median <= MEDUSA_STOREFRONT.median },
    { what: "Store API checkout, p95", figure: `${high} ms`, target: `Medusa storefront ${MEDUSA_STOREFRONT.p95.toLocaleString("en")} ms`, ok: high <= MEDUSA_STOREFRONT.p95 },
  ])
}

async function main() {
  if (process.env.BENCH_BACKEND_URL) {
    if (!process.env.BENCH_PUBLISHABLE_KEY) throw new Error("BENCH_PUBLISHABLE_KEY is needed with BENCH_BACKEND_URL")
    return measure(process.env.BENCH_BACKEND_URL, process.env.BENCH_PUBLISHABLE_KEY)
  }
  await withBenchStack({ referenceData: { download: false } }, (stack) => measure(stack.backendUrl, stack.publishableKey))
}

main().catch(reportAndExit)
