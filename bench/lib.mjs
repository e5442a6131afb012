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

/** Runs `measure(stack, databaseUrl)` against a fresh shop on ports 9500/3500, then cleans up. */
export async function withBenchStack(options, measure) {
  let embedded
  let tempDir
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-bench-pg-"))
    fs.chmodSync(tempDir, 0o755)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), port: 54349, persistent: false })
    serverUrl = embedded.url("postgres")
  }
  const databaseUrl = withDatabase(serverUrl, `bp_bench_${crypto.randomBytes(4).toString("hex")}`)
  let stack
  try {
    await assertPortFree(9500, "bench backend", "-")
    await assertPortFree(3500, "bench storefront", "-")
    await build({ quiet: true })
    await ensureDatabase(databaseUrl)
    stack = await startStack({ databaseUrl, backendPort: 9500, storefrontPort: 3500, ...options })
    await measure(stack, databaseUrl)
  } finally {
    await stack?.stop()
    await dropDatabase(databaseUrl).catch(() => {})
    await embedded?.stop()
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true })
  }
}

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
