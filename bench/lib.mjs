/**
 * What every benchmark needs: a backend + storefront on a throwaway database
 * (DATABASE_URL's server, or an embedded PostgreSQL), p95 from autocannon, and a
 * table of figures beside their targets.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "../backend/scripts/lib/database.mjs"
import { assertPortFree, build, startStack } from "../scripts/lib/stack.mjs"

export const CONNECTIONS = 20
export const DURATION_S = Number(process.env.BENCH_DURATION_S || 10)
/** Ports of the bench's own backend and storefront: 9500/3500 unless a shared machine needs others. */
export const BENCH_BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT || 9500)
export const BENCH_STOREFRONT_PORT = Number(process.env.BENCH_STOREFRONT_PORT || 3500)

/** Runs `measure(stack, databaseUrl)` against a fresh shop on the bench ports, then cleans up. */
export async function withBenchStack(options, measure) {
  await withBenchDatabase(async (databaseUrl) => {
    let stack
    try {
      // Every bench shopper makes its cart from 127.0.0.1: lift the shop's 60 new carts per address per hour,
      // and the storefront's 120 cart posts per address per minute.
      const env = { CART_LIMIT_PER_ADDRESS: "100000", CART_CHANGE_LIMIT_PER_ADDRESS: "100000", ...options?.env }
      stack = await startStack({ databaseUrl, backendPort: BENCH_BACKEND_PORT, storefrontPort: BENCH_STOREFRONT_PORT, ...options, env })
      await measure(stack, databaseUrl)
    } finally {
      await stack?.stop()
    }
  })
}

/**
 * Runs `use(databaseUrl)` with a throwaway database (dropped afterwards) on DATABASE_URL's
 * server or an embedded PostgreSQL, after building and checking that the bench ports are free;
 * with BENCH_DATABASE_URL, on that database, kept (repeated runs skip migrations and seed).
 * BENCH_BUILD=0 runs the build as it is (e.g. to compare two builds of the backend).
 */
export async function withBenchDatabase(use) {
  if (process.env.BENCH_DATABASE_URL) {
    await assertPortFree(BENCH_BACKEND_PORT, "bench backend", "BENCH_BACKEND_PORT")
    if (process.env.BENCH_BUILD !== "0") await build({ quiet: true })
    await ensureDatabase(process.env.BENCH_DATABASE_URL)
    return use(process.env.BENCH_DATABASE_URL)
  }
  let embedded
  let tempDir
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-bench-pg-"))
    fs.chmodSync(tempDir, 0o755)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), port: Number(process.env.BENCH_PG_PORT || 54349), persistent: false })
    serverUrl = embedded.url("postgres")
  }
  const databaseUrl = withDatabase(serverUrl, `bp_bench_${crypto.randomBytes(4).toString("hex")}`)
  try {
    await assertPortFree(BENCH_BACKEND_PORT, "bench backend", "BENCH_BACKEND_PORT")
    await assertPortFree(BENCH_STOREFRONT_PORT, "bench storefront", "BENCH_STOREFRONT_PORT")
    if (process.env.BENCH_BUILD !== "0") await build({ quiet: true })
    await ensureDatabase(databaseUrl)
    await use(databaseUrl)
  } finally {
    await dropDatabase(databaseUrl).catch(() => {})
    await embedded?.stop()
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true })
  }
}

/** The q-quantile (0..1) of a list of durations in ms, rounded. */
export function quantile(durations, q) {
  const sorted = [...durations].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))])
}

/** The 1-minute load average, to print beside figures taken on a shared machine. */
export const loadAverage = () => os.loadavg()[0].toFixed(1)

/** autocannon reports p90 and p97.5; interpolate p95 between them. */
export function p95(result) {
  const { p90, p97_5 } = result.latency
  return Math.round(p90 + ((p97_5 - p90) * 5) / 7.5)
}

/** Prints rows of { what, figure, target, ok } as a table, figures beside their targets. */
export function printTable(rows) {
  const width = Math.max(...rows.map((r) => r.what.length))
  console.log(`\n${"benchmark".padEnd(width)}  ${"measured".padStart(12)}  target`)
  for (const r of rows) {
    console.log(`${r.what.padEnd(width)}  ${r.figure.padStart(12)}  ${r.target}${r.target ? (r.ok ? "  ✔" : "  ✖ missed") : ""}`)
  }
  console.log(`\nMachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; the servers share them with the load generator.`)
}
