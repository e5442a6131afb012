/**
 * "Buurgroepen" (issue 30) answers exactly as before its query was made index-friendly
 * (bench/groups.mjs found it scanning all approved groups): the prefilter now names our PC4s
 * and the nearby ones as one array and the box as a box, constants PostgreSQL can look up in
 * the GIN and GiST indexes, where it compared every group with the `me` row. This spec runs the
 * previous query (copied below, as of commit e38f2f2) beside the service on the same groups,
 * for every group at 1, 2 and 5 km, and expects the same rows in the same order.
 *
 * The groups: two per PC4 of the reference fixture (clusters of neighbouring PC4s in 50 towns),
 * jittered around the centre, some with two postcodes, some without a point, some pending or
 * deleted, and a ring of groups just inside and just outside 1, 2 and 5 km of one group.
 */
import fs from "node:fs"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { REFERENCE_DATA_FIXTURE } from "../fixtures/reference-data"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"
import { parseGeonamesPostalCodes } from "../../src/modules/neighbourhood-group/reference-data/geonames"
import { pgTextArray } from "../../src/lib/sql"
import { boundingBox, EARTH_RADIUS_KM, haversineColumnsSql } from "../../src/modules/neighbourhood-group/utils/geo"
import { nearbyPostcodes } from "../../src/modules/neighbourhood-group/utils/nearby-postcodes"
import { importReferenceDataWorkflow } from "../../src/workflows/groups/import-reference-data"

jest.setTimeout(300 * 1000) // database setup (migrations) on 2 shared cores can take minutes

const ROWS = parseGeonamesPostalCodes(fs.readFileSync(REFERENCE_DATA_FIXTURE, "utf8"))

type Db = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: any[] }> }

// ------------------------------------------------------------- the query before the change

/** NeighbourhoodGroupModuleService.nearbyGroups as it was, on the same PC4 centres. */
async function previousNearbyGroups(db: Db, centres: { pc4: string; lat: number; lng: number }[], groupId: string, km: number) {
  const {
    rows: [me],
  } = await db.raw(
    `SELECT id, postcodes, public_lat::float8 AS lat, public_lng::float8 AS lng FROM neighbourhood_group WHERE id = ? AND deleted_at IS NULL`,
    [groupId]
  )
  if (!me) return []
  const near = new Map(nearbyPostcodes(centres, me.postcodes ?? [], km).map((n) => [n.pc4, n]))
  const box = me.lat === null || me.lng === null ? null : boundingBox(me.lat, me.lng, km * 1.01 + 0.01)
  const distance = haversineColumnsSql("g.public_lat", "g.public_lng", "me.public_lat", "me.public_lng")
  const { rows } = await db.raw(
    `WITH me AS (
       SELECT id, postcodes, public_lat, public_lng FROM neighbourhood_group WHERE id = ? AND deleted_at IS NULL
     )
     SELECT * FROM (
       SELECT g.id, g.slug, g.name, g.woonplaats, g.admin_messages_enabled, g.postcodes,
              g.postcodes && me.postcodes AS shares_postcode,
              g.postcodes && ?::text[] AS near_postcode,
              ${distance} AS distance_km
         FROM neighbourhood_group g, me
        WHERE g.status = 'approved' AND g.deleted_at IS NULL AND g.id <> me.id
          AND (g.postcodes && me.postcodes OR g.postcodes && ?::text[]
               OR (?::boolean AND g.public_lat BETWEEN ? AND ? AND g.public_lng BETWEEN ? AND ?))
     ) n
      WHERE n.shares_postcode OR n.near_postcode OR n.distance_km <= ?
      ORDER BY n.shares_postcode DESC, n.distance_km ASC NULLS LAST, n.name ASC, n.id ASC`,
    [
      groupId,
      pgTextArray([...near.keys()]),
      pgTextArray([...near.keys()]),
      box !== null,
      box?.minLat ?? 0,
      box?.maxLat ?? 0,
      box?.minLng ?? 0,
      box?.maxLng ?? 0,
      km,
    ]
  )
  return rows.map((r: any) => {
    const shares = Boolean(r.shares_postcode)
    const theirs = ((r.postcodes ?? []) as string[]).map((pc4) => near.get(pc4)).filter((n) => n !== undefined)
    const gaps = theirs.map((n) => n!.gap_km)
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      woonplaats: r.woonplaats,
      admin_messages_enabled: Boolean(r.admin_messages_enabled),
      shares_postcode: shares,
      adjacent: theirs.some((n) => n!.adjacent),
      postcode_km: shares ? 0 : gaps.length ? Math.min(...gaps) : null,
      distance_km: r.distance_km === null ? null : Math.round(r.distance_km * 100) / 100,
    }
  })
}

// ------------------------------------------------------------- the groups

type Seed = { id: string; pc4s: string[]; lat: number | null; lng: number | null; status: string; deleted: boolean; messages: boolean }

/** Deterministic jitter in [-1, 1). */
const jitter = (n: number, prime: number) => (((n * prime) % 2000) - 1000) / 1000

function seeds(): Seed[] {
  const centres = new Map<string, { lat: number; lng: number }>()
  for (const row of ROWS) if (!centres.has(row.pc4)) centres.set(row.pc4, { lat: row.lat, lng: row.lng })
  const pc4s = [...centres.keys()].sort()
  const out: Seed[] = []
  let n = 0
  for (const [i, pc4] of pc4s.entries()) {
    for (let k = 0; k < 2; k++) {
      n++
      const c = centres.get(pc4)!
      const noPoint = n % 11 === 0
      out.push({
        id: `nbgrp_q_${String(n).padStart(4, "0")}`,
        pc4s: n % 7 === 0 && pc4s[i + 1] ? [pc4, pc4s[i + 1]] : [pc4],
        // up to ~1.5 km from the centre
        lat: noPoint ? null : c.lat + jitter(n, 7919) * 0.013,
        lng: noPoint ? null : c.lng + jitter(n, 104729) * 0.02,
        status: n % 13 === 0 ? "pending" : "approved",
        deleted: n % 17 === 0,
        messages: n % 3 === 0,
      })
    }
  }
  // A ring around the first group with a point: just inside and just outside each distance, in
  // a PC4 of its own (so only the distance decides), east, north and north-east of it.
  const centre = out.find((s) => s.lat !== null && s.status === "approved" && !s.deleted)!
  const kmPerDegLat = (Math.PI / 180) * EARTH_RADIUS_KM
  const kmPerDegLng = kmPerDegLat * Math.cos((centre.lat! * Math.PI) / 180)
  for (const km of [0.99, 1, 1.004, 1.01, 1.02, 1.995, 2, 2.006, 2.03, 4.99, 5, 5.004, 5.05, 5.07]) {
    for (const [dx, dy] of [
      [1, 0],
      [0, 1],
      [Math.SQRT1_2, Math.SQRT1_2],
    ]) {
      n++
      out.push({
        id: `nbgrp_q_${String(n).padStart(4, "0")}`,
        pc4s: ["9999"],
        lat: centre.lat! + (dy * km) / kmPerDegLat,
        lng: centre.lng! + (dx * km) / kmPerDegLng,
        status: "approved",
        deleted: false,
        messages: n % 2 === 0,
      })
    }
  }
  return out
}

async function insert(db: Db, groups: Seed[]) {
  for (const g of groups) {
    await db.raw(
      `insert into neighbourhood_group
         (id, name, slug, name_key, search_text, gemeente, gemeente_slug, woonplaats, postcodes, lat, lng, member_count, status,
          admin_name, admin_email, admin_phone, accepted_rules, admin_messages_enabled, approved_at, created_at, updated_at, deleted_at)
       values (?, ?, ?, ?, ?, 'Testgemeente', 'testgemeente', 'Testplaats', ?::text[], ?, ?, 10, ?, 'Beheerder', ?, '+31600000000', true, ?, now(), now(), now(), ?)`,
      [
        g.id,
        // some names repeat: the order then falls back to the id
        `Buurtpreventie ${Number(g.id.slice(-4)) % 40}`,
        g.id.replace(/_/g, "-"),
        g.id,
        g.id,
        pgTextArray(g.pc4s),
        g.lat,
        g.lng,
        g.status,
        `${g.id}@example.nl`,
        g.messages,
        g.deleted ? new Date() : null,
      ]
    )
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer, dbConnection }) => {
    const service = (): NeighbourhoodGroupModuleService => getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const groups = seeds()
    let centres: { pc4: string; lat: number; lng: number }[] = []

    beforeAll(async () => {
      await importReferenceDataWorkflow(getContainer()).run({ input: { rows: ROWS } })
      await insert(dbConnection, groups)
      await dbConnection.raw("analyze neighbourhood_group")
      centres = (
        await dbConnection.raw(
          "SELECT pc4, avg(lat)::float8 AS lat, avg(lng)::float8 AS lng FROM postcode_area WHERE deleted_at IS NULL GROUP BY pc4"
        )
      ).rows
    })

    it("lists the same groups in the same order as before, for every group at 1, 2 and 5 km", async () => {
      let compared = 0
      let listed = 0
      const kinds = { shares: 0, adjacent: 0, postcodeOnly: 0, pointOnly: 0, noPoint: 0 }
      for (const g of groups) {
        for (const km of [1, 2, 5]) {
          const now = await service().nearbyGroups(g.id, km)
          const before = await previousNearbyGroups(dbConnection, centres, g.id, km)
          expect({ id: g.id, km, rows: now }).toEqual({ id: g.id, km, rows: before })
          compared++
          listed += now.length
          for (const row of now) {
            if (row.shares_postcode) kinds.shares++
            else if (row.adjacent) kinds.adjacent++
            else if (row.postcode_km !== null && (row.distance_km === null || row.distance_km > km)) kinds.postcodeOnly++
            else if (row.postcode_km === null && row.distance_km !== null) kinds.pointOnly++
            if (row.distance_km === null) kinds.noPoint++
          }
        }
      }
      console.log(`compared ${compared} answers, ${listed} rows listed`, kinds)
      expect(compared).toBe(groups.length * 3)
      // the comparison covered every way onto the list, not only empty answers
      expect(listed).toBeGreaterThan(groups.length)
      for (const [kind, count] of Object.entries(kinds)) expect({ kind, count: count > 0 }).toEqual({ kind, count: true })
    })
  },
})
