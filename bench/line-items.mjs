#!/usr/bin/env node
/**
 * Medusa's own `POST /store/carts/:id/line-items` under load (issue #25), for one
 * backend process and for `medusa start --cluster <n>` with Redis, in the same run and
 * on the same database, so both see the same machine:
 *   - CPU per add: 200 adds one after the other on one cart, the CPU time the backend
 *     process(es) and the database's server processes spent, divided by the adds;
 *   - throughput: 20 carts adding at once for BENCH_DURATION_S seconds: adds/s, p50/p95,
 *     failed adds, and adds/s per core the backend may use;
 *   - oversell: 20 carts mixing packages (4 signs each) and loose signs for the last
 *     20 signs, completed at once: never more reserved than stocked, every loser
 *     refused with the stock answer, no other error. The shop's per-address limits are
 *     lifted (all shoppers are 127.0.0.1: ONE_ADDRESS_LIMITS, as for e2e); a 429 that still
 *     comes is counted apart from other errors.
 * The add uses the storefront's request shape (its `fields`), on a stock-managed
 * variant, so the shop's cart-stock hook runs as it does for a shopper.
 *
 *   npm run bench:line-items
 *   BENCH_SHAPES=single,cluster BENCH_CLUSTER=2 BENCH_DURATION_S=20 REDIS_URL=redis://127.0.0.1:6379/6 npm run bench:line-items
 *
 * Shapes: `memory` (one process, no Redis: `npm start`), `single` (one process with
 * Redis), `cluster` (BENCH_CLUSTER processes with Redis). REDIS_URL (or BENCH_REDIS_URL)
 * is needed for the last two. On a shared machine set BENCH_BACKEND_PORT /
 * BENCH_STOREFRONT_PORT / BENCH_PG_PORT; the load average is printed beside each figure.
 * BENCH_START_TIMEOUT_S (600) is how long the servers may take to start on a loaded machine.
 * BENCH_PHASES=cpu,throughput (default also oversell) measures less; BENCH_DATABASE_URL=<url> reuses
 * a database (kept; migrated and seeded on first use) instead of a throwaway one.
 * BENCH_CPU_PROF_DIR=<dir> writes V8 CPU profiles of the backend (bench/cpu-profile.cjs).
 */
import fs from "node:fs"
import os from "node:os"
import { fileURLToPath } from "node:url"
import { queryOne } from "../backend/scripts/lib/database.mjs"
import { reportAndExit, UserError } from "../backend/scripts/lib/errors.mjs"
import { ONE_ADDRESS_LIMITS, startStack } from "../scripts/lib/stack.mjs"
import { BENCH_BACKEND_PORT, BENCH_STOREFRONT_PORT, classifyCompletions, loadAverage, printTable, quantile, withBenchDatabase } from "./lib.mjs"

const CARTS = 20
const DURATION_S = Number(process.env.BENCH_DURATION_S || 20)
const SEQUENTIAL_ADDS = Number(process.env.BENCH_SEQUENTIAL_ADDS || 200)
const CLUSTER = Number(process.env.BENCH_CLUSTER || 2)
const REDIS_URL = process.env.BENCH_REDIS_URL || process.env.REDIS_URL
const SHAPES = (process.env.BENCH_SHAPES || "single,cluster").split(",").map((s) => s.trim())
/** What to measure per shape: cpu, throughput, oversell (all by default). */
const PHASES = (process.env.BENCH_PHASES || "cpu,throughput,oversell").split(",").map((s) => s.trim())
/** The storefront's fields after an add (storefront/app/lib/cart/cart.server.ts, ADDED_FIELDS). */
const ADDED_FIELDS = "id,items.quantity,items.variant_id,items.product_title,items.variant_title"
const PRODUCT = "lantaarnpaalbord"
const SIGN = "BORD-WAB-4060-ALU"
const KIT = "PAKKET-BUURT" // 4 × SIGN, 50 stickers, 4 clamps
const SIGNS_LEFT = 20
const ADDRESS = { first_name: "Bench", last_name: "Mark", address_1: "Dorpsstraat 1", postal_code: "3511 AB", city: "Utrecht", country_code: "nl" }
const PROFILER = fileURLToPath(new URL("./cpu-profile.cjs", import.meta.url))
const TICK_MS = 1000 / 100 // /proc times are in clock ticks (USER_HZ, 100 on Linux)

const rows = []
const row = (what, figure, target = "", ok = true) => rows.push({ what, figure, target, ok })

function client(backendUrl, publishableKey) {
  return async (method, path, body) => {
    const response = await fetch(new URL(path, backendUrl), {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await response.json().catch(() => ({}))
    return { status: response.status, body: json }
  }
}

/** Like `call`, but a non-2xx answer throws. */
const must = (call) => async (method, path, body) => {
  const { status, body: json } = await call(method, path, body)
  if (status >= 300) throw new Error(`${method} ${path}: ${status} ${json.message ?? ""}`)
  return json
}

/** CPU time (user + system, ms) of a process and all its descendants, the reaped ones included. */
function treeCpuMs(pid) {
  let stat
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
  } catch {
    return 0 // exited
  }
  // Fields after the command (which may contain spaces): state is field 3, utime 14 … cstime 17.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  const own = fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) * TICK_MS
  let children = []
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)
  } catch {
    // no children file: count the process alone
  }
  return own + children.reduce((sum, child) => sum + treeCpuMs(Number(child)), 0)
}

/**
 * CPU time (ms) of the database server's processes serving this database: the whole
 * embedded server when the bench started its own, else the connections to this
 * database (other databases on a shared server are not counted).
 */
async function databaseCpuMs(databaseUrl, embedded) {
  if (embedded) {
    // The checkpointer lives as long as the server (a connection's own backend exits with the
    // connection, often before its /proc entry can be read); its parent is the postmaster.
    const { pid } = await queryOne(databaseUrl, "select pid from pg_stat_activity where backend_type = 'checkpointer'")
    const parent = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    const postmaster = Number(parent.slice(parent.lastIndexOf(")") + 2).split(" ")[1])
    return treeCpuMs(postmaster)
  }
  const { pids } = await queryOne(
    databaseUrl,
    "select coalesce(array_agg(pid), '{}') as pids from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
  )
  return pids.reduce((sum, pid) => sum + treeCpuMs(pid), 0)
}

/** Stock of the inventory item with `sku` at its (single) location. */
async function stockOf(databaseUrl, sku) {
  const level = await queryOne(
    databaseUrl,
    `select l.stocked_quantity::int as stocked, l.reserved_quantity::int as reserved from inventory_level l
       join inventory_item i on i.id = l.inventory_item_id where i.sku = $1 and l.deleted_at is null`,
    [sku]
  )
  return level
}

/** Sets the stock of `sku` so that `available` are left, through the admin API (as staff would). */
async function setAvailable(admin, sku, available) {
  const { inventory_items } = await admin("GET", `/admin/inventory-items?sku=${encodeURIComponent(sku)}&fields=id,*location_levels`)
  const item = inventory_items[0] ?? fail(`no inventory item ${sku}`)
  for (const level of item.location_levels) {
    await admin("POST", `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`, {
      stocked_quantity: Number(level.reserved_quantity) + available,
    })
  }
}

/** A client of the admin API, signed in as the stack's staff login. */
async function adminClient(stack) {
  const login = await fetch(new URL("/auth/user/emailpass", stack.backendUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(stack.admin),
  })
  const { token } = await login.json()
  if (!token) throw new Error(`staff login failed: ${login.status}`)
  return async (method, path, body) => {
    const response = await fetch(new URL(path, stack.backendUrl), {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await response.json().catch(() => ({}))
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.message ?? ""}`)
    return json
  }
}

async function catalogue(call) {
  const { regions } = await call("GET", "/store/regions?fields=id,name")
  const regionId = (regions.find((r) => r.name === "Nederland") ?? regions[0]).id
  const { products } = await call("GET", `/store/products?region_id=${regionId}&fields=id,handle,*variants&limit=100`)
  const variants = products.flatMap((p) => (p.variants ?? []).map((v) => ({ ...v, handle: p.handle })))
  const bySku = (sku) => variants.find((v) => v.sku === sku)?.id ?? fail(`no variant ${sku}`)
  const added = variants.find((v) => v.handle === PRODUCT) ?? fail(`no product ${PRODUCT}`)
  return { regionId, addedVariant: added, sign: bySku(SIGN), kit: bySku(KIT) }
}

function fail(message) {
  throw new Error(message)
}

/** CPU per add: SEQUENTIAL_ADDS adds one after the other on one cart. */
async function measureCpu(shape, call, cat, cpuOf) {
  const { cart } = await must(call)("POST", "/store/carts?fields=id", { region_id: cat.regionId })
  const add = () => must(call)("POST", `/store/carts/${cart.id}/line-items?fields=${ADDED_FIELDS}`, { variant_id: cat.addedVariant.id, quantity: 1 })
  for (let i = 0; i < 10; i++) await add() // warm-up
  const before = await cpuOf()
  const started = performance.now()
  const durations = []
  for (let i = 0; i < SEQUENTIAL_ADDS; i++) {
    const t = performance.now()
    await add()
    durations.push(performance.now() - t)
  }
  const wall = performance.now() - started
  const after = await cpuOf()
  const node = (after.node - before.node) / SEQUENTIAL_ADDS
  const db = (after.db - before.db) / SEQUENTIAL_ADDS
  const load = loadAverage()
  row(`${shape}: CPU per add, backend (${SEQUENTIAL_ADDS} one at a time, load ${load})`, `${node.toFixed(1)} ms`)
  row(`${shape}: CPU per add, PostgreSQL (load ${load})`, `${db.toFixed(1)} ms`)
  row(`${shape}: one add alone p50 (load ${load})`, `${quantile(durations, 0.5)} ms`)
  return { node, db, wallPerAdd: wall / SEQUENTIAL_ADDS }
}

/** CARTS carts adding at once, each as fast as its answers come, for DURATION_S. */
async function measureThroughput(shape, call, cat) {
  const carts = await Promise.all(
    Array.from({ length: CARTS }, async () => (await must(call)("POST", "/store/carts?fields=id", { region_id: cat.regionId })).cart.id)
  )
  const durations = []
  const failures = []
  let limited = 0
  const until = performance.now() + DURATION_S * 1000
  const started = performance.now()
  await Promise.all(
    carts.map(async (cartId) => {
      while (performance.now() < until) {
        const t = performance.now()
        const { status, body } = await call("POST", `/store/carts/${cartId}/line-items?fields=${ADDED_FIELDS}`, {
          variant_id: cat.addedVariant.id,
          quantity: 1,
        }).catch((error) => ({ status: 0, body: { message: String(error) } }))
        if (status === 200 && body.cart?.items?.length) durations.push(performance.now() - t)
        else {
          if (status === 429) limited++
          failures.push(`${status} ${body.message ?? ""}`)
        }
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  const rate = durations.length / seconds
  const load = loadAverage()
  row(`${shape}: ${CARTS} carts at once, adds/s (${DURATION_S} s, load ${load})`, rate.toFixed(1))
  row(`${shape}: ${CARTS} carts at once, p50 (load ${load})`, `${quantile(durations, 0.5)} ms`)
  row(`${shape}: ${CARTS} carts at once, p95 (load ${load})`, `${quantile(durations, 0.95)} ms`)
  row(`${shape}: failed adds`, `${failures.length} of ${failures.length + durations.length}`, "0", failures.length === 0)
  row(`${shape}: of which 429 (the shop's own limits, not Medusa)`, String(limited), "0", limited === 0)
  if (failures.length) console.log(`${shape}: first failed add: ${failures[0]}`)
  return { rate, p95: quantile(durations, 0.95) }
}

/** A cart with `lines`, address, a shipping method per profile and a manual payment session, ready to complete. */
async function readyCart(call, cat, lines, shopper) {
  const ok = must(call)
  const { cart } = await ok("POST", "/store/carts?fields=id", { region_id: cat.regionId })
  for (const line of lines) await ok("POST", `/store/carts/${cart.id}/line-items?fields=id`, line)
  await ok("POST", `/store/carts/${cart.id}?fields=id`, { email: `bench-${shopper}@example.nl`, shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await ok("GET", `/store/shipping-options?cart_id=${cart.id}`)
  const perProfile = new Map(shipping_options.map((o) => [o.shipping_profile_id, o]))
  for (const option of perProfile.values()) await ok("POST", `/store/carts/${cart.id}/shipping-methods?fields=id`, { option_id: option.id })
  const { payment_collection } = await ok("POST", "/store/payment-collections", { cart_id: cart.id })
  await ok("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  return cart.id
}

/** CARTS carts wanting 4 (a package) or 3 (loose) of the last SIGNS_LEFT signs, completed at once. */
async function measureOversell(shape, call, cat, databaseUrl, admin) {
  await setAvailable(admin, SIGN, SIGNS_LEFT)
  const wants = Array.from({ length: CARTS }, (_, i) => (i % 2 ? { variant_id: cat.sign, quantity: 3, signs: 3 } : { variant_id: cat.kit, quantity: 1, signs: 4 }))
  const carts = []
  for (let i = 0; i < wants.length; i += 5) {
    carts.push(...(await Promise.all(wants.slice(i, i + 5).map(({ variant_id, quantity }, j) => readyCart(call, cat, [{ variant_id, quantity }], i + j)))))
  }
  const before = await stockOf(databaseUrl, SIGN)
  const answers = await Promise.all(carts.map((id) => call("POST", `/store/carts/${id}/complete`)))
  const after = await stockOf(databaseUrl, SIGN)
  const { orders, refused, limited, other } = classifyCompletions(answers)
  const ordered = answers.reduce((sum, a, i) => sum + (a.status === 200 && a.body.type === "order" ? wants[i].signs : 0), 0)
  const reserved = after.reserved - before.reserved
  const oversold = after.reserved > after.stocked || reserved !== ordered
  row(
    `${shape}: ${CARTS} completions for the last ${SIGNS_LEFT} signs`,
    `${orders} orders, ${reserved} reserved`,
    `≤ ${SIGNS_LEFT} reserved = ordered`,
    !oversold
  )
  row(`${shape}: completions refused with the stock answer ("op voorraad")`, String(refused))
  // The shop's checkout limits answer 429 before the stock lock is reached: not an oversell
  // check at all. ONE_ADDRESS_LIMITS lifts them; a 429 here means a limit it does not cover.
  row(`${shape}: completions answered 429 (the shop's own limits)`, String(limited), "0", limited === 0)
  row(`${shape}: completions answered otherwise (neither order, stock answer nor 429)`, String(other), "0", other === 0)
  if (limited) console.log(`${shape}: first 429: ${JSON.stringify(answers.find((a) => a.status === 429))}`)
  const unexpected = answers.find((a) => a.status !== 429 && !(a.status === 200 && a.body.type === "order") && !(a.status === 400 && a.body.code === "insufficient_inventory"))
  if (unexpected) console.log(`${shape}: unexpected completion answer: ${JSON.stringify(unexpected)}`)
  return { oversold, limited, other }
}

async function measureShape(shape, databaseUrl, embedded) {
  const cluster = shape === "cluster" ? CLUSTER : 0
  const redis = shape !== "memory"
  if (redis && !REDIS_URL) throw new UserError(`The shape "${shape}" needs REDIS_URL (or BENCH_REDIS_URL), e.g. redis://127.0.0.1:6379/6`)
  const profDir = process.env.BENCH_CPU_PROF_DIR
  const env = {
    REDIS_URL: redis ? REDIS_URL : "",
    // Every bench shopper comes from 127.0.0.1: the shop's checkout limits (10 orders without online
    // payment per address per hour) would refuse the oversell phase's completions with 429 before the
    // stock lock is reached, and its new-cart limit the carts. Lifted as for the e2e stack (their
    // own tests: the backend's security specs); any 429 left is counted apart.
    ...ONE_ADDRESS_LIMITS,
    ...(profDir && { CPU_PROF_DIR: profDir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${PROFILER}`.trim() }),
  }
  const name = cluster ? `cluster ${cluster}` : redis ? "1 process" : "1 process, no Redis"
  console.log(`\n${name}: starting…`)
  const stack = await startStack({
    databaseUrl,
    backendPort: BENCH_BACKEND_PORT,
    storefrontPort: BENCH_STOREFRONT_PORT,
    env,
    cluster,
    startTimeoutMs: Number(process.env.BENCH_START_TIMEOUT_S || 600) * 1000,
    referenceData: { download: false },
  })
  try {
    const call = client(stack.backendUrl, stack.publishableKey)
    const cat = await catalogue(must(call))
    // The added variant never runs out here: the bench measures adds, not refusals.
    const admin = await adminClient(stack)
    await setAvailable(admin, cat.addedVariant.sku, 1_000_000)
    const pid = stack.children.backend.pid
    const cpuOf = async () => ({ node: treeCpuMs(pid), db: await databaseCpuMs(databaseUrl, embedded) })
    const phase = (which, measure) => (PHASES.includes(which) ? (console.log(`${name}: ${which}…`), measure()) : undefined)
    const cpu = await phase("cpu", () => measureCpu(name, call, cat, cpuOf))
    const throughput = await phase("throughput", () => measureThroughput(name, call, cat))
    const oversell = await phase("oversell", () => measureOversell(name, call, cat, databaseUrl, admin))
    return { name, cluster, cpu, throughput, oversell }
  } finally {
    await stack.stop()
  }
}

async function main() {
  for (const shape of SHAPES) if (!["memory", "single", "cluster"].includes(shape)) throw new UserError(`Unknown shape "${shape}" in BENCH_SHAPES (memory, single, cluster)`)
  const embedded = !process.env.DATABASE_URL && !process.env.BENCH_DATABASE_URL
  const results = []
  await withBenchDatabase(async (databaseUrl) => {
    for (const shape of SHAPES) results.push(await measureShape(shape, databaseUrl, embedded))
  }).finally(() => {
    const single = results.find((r) => !r.cluster)
    const cluster = results.find((r) => r.cluster)
    if (single?.throughput && cluster?.throughput) {
      const ratio = cluster.throughput.rate / single.throughput.rate
      row(`cluster ${cluster.cluster} ÷ ${single.name}, adds/s`, `${ratio.toFixed(2)}×`, "≥ 1.00× (never slower)", ratio >= 1)
    }
    for (const r of results.filter((r) => r.throughput)) {
      const cores = Math.min(os.cpus().length, Math.max(1, r.cluster))
      row(`${r.name}: adds/s per core the backend may use (${cores})`, (r.throughput.rate / cores).toFixed(1))
    }
    if (rows.length) printTable(rows)
  })
}

main().catch(reportAndExit)
