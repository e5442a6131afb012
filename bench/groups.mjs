#!/usr/bin/env node
/**
 * Group directory benchmarks (issue #10), printed beside their targets:
 *   - store API search by postcode and by map bounding box with 10,000 approved groups,
 *     p95 at 20 connections on loopback (autocannon)
 *   - /groepen page weight including the map script, gzip
 *
 * Starts its own backend + storefront on a throwaway database (DATABASE_URL's server,
 * or an embedded PostgreSQL) with the reference data from ../shared/data by path:
 * `npm run bench:groups`.
 */
import autocannon from "autocannon"
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import zlib from "node:zlib"
import { reportAndExit, UserError } from "../backend/scripts/lib/errors.mjs"
import { ROOT } from "../scripts/lib/stack.mjs"
import { CONNECTIONS, DURATION_S, p95, printTable, withBenchStack } from "./lib.mjs"

const GROUPS = 10_000
const POSTCODES = path.resolve(ROOT, "../shared/data/geonames-postal-nl.txt")
const rows = []

/** 10,000 approved groups spread over the real PC4 areas (points jittered around each centre). */
async function insertGroups(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`
      with pa as (
        select p.*, m.slug as gemeente_slug, row_number() over (order by p.pc4, p.place) as rn, count(*) over () as n
        from postcode_area p join municipality m on m.code = p.municipality_code and m.deleted_at is null
        where p.deleted_at is null
      )
      insert into neighbourhood_group
        (id, name, slug, name_key, search_text, gemeente, gemeente_code, gemeente_slug, woonplaats, postcodes,
         lat, lng, member_count, status, admin_name, admin_email, admin_phone, accepted_rules, accepted_rules_at,
         approved_at, created_at, updated_at)
      select 'nbgrp_bench_' || g, 'Bench buurtgroep ' || g, 'bench-buurtgroep-' || g, 'bench ' || g,
             lower('bench buurtgroep ' || g || ' ' || pa.place || ' ' || pa.municipality || ' ' || pa.pc4),
             pa.municipality, pa.municipality_code, pa.gemeente_slug, pa.place, array[pa.pc4],
             pa.lat + ((g * 7919) % 200 - 100) / 10000.0, pa.lng + ((g * 104729) % 200 - 100) / 10000.0,
             1 + g % 256, 'approved', 'Bench Beheerder', 'bench' || g || '@example.com', '+31600000000', true, now(),
             now(), now(), now()
      from generate_series(1, ${GROUPS}) as g
      join pa on pa.rn = (g * 31 % pa.n) + 1`)
    // the steady state autovacuum keeps: statistics plus the visibility map that lets count(*) read only the index
    await client.query("vacuum analyze neighbourhood_group")
    const { rows: [{ count }] } = await client.query("select count(*)::int as count from neighbourhood_group where status = 'approved'")
    return count
  } finally {
    await client.end()
  }
}

/**
 * One request at a time gives the API's own latency (the target); 20 connections on
 * the same 2 cores as the load generator show it under load, where requests queue.
 */
async function measureApi(name, url, headers, { target = true } = {}) {
  for (let i = 0; i < 20; i++) await fetch(url, { headers }).then((r) => r.text())
  for (const connections of [1, CONNECTIONS]) {
    const result = await autocannon({ url, headers, connections, duration: DURATION_S })
    if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`)
    const high = p95(result)
    const label = `${name}, ${connections} conn.`
    rows.push({ what: `${label} p50`, figure: `${result.latency.p50} ms`, target: "" })
    rows.push({ what: `${label} p95`, figure: `${high} ms`, target: target ? "< 20 ms" : "", ok: high < 20 })
    rows.push({ what: `${label} throughput`, figure: `${Math.round(result.requests.average)} req/s`, target: "" })
  }
}

async function measurePageWeight(pageUrl) {
  const html = await (await fetch(pageUrl)).text()
  const assets = new Set([
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]+href="([^"]+\.(?:js|css))"/g)].map((m) => m[1]),
    ...[...html.matchAll(/import\("([^"]+\.js)"\)|from "([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]),
  ])
  // The map is loaded lazily: follow the dynamic imports of the page's own chunks too.
  const seen = new Set()
  let total = zlib.gzipSync(html).length
  const queue = [...assets]
  while (queue.length) {
    const src = queue.shift()
    const url = new URL(src, pageUrl).href
    if (seen.has(url)) continue
    seen.add(url)
    const body = await (await fetch(url)).text()
    total += zlib.gzipSync(body, { level: 9 }).length
    if (url.endsWith(".js")) {
      for (const m of body.matchAll(/import\("\.\/([^"]+\.(?:js|css))"\)|"(\/assets\/[^"]+\.(?:js|css))"/g)) {
        queue.push(m[1] ? new URL(m[1], url).href : m[2])
      }
    }
  }
  const kb = total / 1024
  rows.push({ what: `/groepen page weight incl. map (${seen.size} files, gzip)`, figure: `${kb.toFixed(1)} KB`, target: "< 250 KB", ok: kb < 250 })
}

async function main() {
  if (!fs.existsSync(POSTCODES)) throw new UserError(`Reference data missing at ${POSTCODES}: the groups benchmark spreads groups over the real PC4 areas`)
  await withBenchStack(
    { env: { SEED_DEMO_GROUPS: "false" }, referenceData: { file: POSTCODES, download: false } },
    async (stack, databaseUrl) => {
      const count = await insertGroups(databaseUrl)
      rows.push({ what: "Approved groups in the directory", figure: String(count), target: `${GROUPS}`, ok: count >= GROUPS })
      const headers = { "x-publishable-api-key": stack.publishableKey }
      await measureApi("GET /store/groups?postcode=3511 (nearest first)", `${stack.backendUrl}/store/groups?postcode=3511&limit=20`, headers)
      await measureApi("GET /store/groups?bbox=Utrecht area (map)", `${stack.backendUrl}/store/groups?bbox=4.9,51.95,5.3,52.2&limit=100`, headers)
      // Medusa's own store route, for scale: the framework's cost per request without our SQL
      await measureApi("GET /store/regions (Medusa's own, for comparison)", `${stack.backendUrl}/store/regions?limit=1`, headers, { target: false })
      await measurePageWeight(`${stack.storefrontUrl}/groepen`)
    },
  )
  printTable(rows)
}

main().catch(reportAndExit)
