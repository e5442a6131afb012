import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import GroupRegistration from "./models/group-registration"
import Municipality from "./models/municipality"
import NeighbourhoodGroup from "./models/neighbourhood-group"
import PostcodeArea from "./models/postcode-area"
import type { PostcodeAreaRow } from "./reference-data/geonames"
import { deriveMunicipalities, findSuccessors } from "./reference-data/municipalities"
import { pgTextArray } from "../../lib/sql"
import { boundingBox, EARTH_RADIUS_KM, haversineColumnsSql, minKmBeyondDegrees, PUBLIC_POINT_DECIMALS } from "./utils/geo"
import { PostcodeIndex } from "./utils/nearby-postcodes"
import { slugify } from "./utils/text"
import type {
  GroupSearchInput,
  NearbyGroupRow,
  GroupsPerMunicipality,
  MunicipalityScope,
  PostcodeOrigin,
  PublicGroupRow,
  ReferenceImportSummary,
} from "./types"

/**
 * The columns a public (store) response may contain: never the admin's contact data, and
 * the point only at public precision (publicColumnsSql).
 */
export const PUBLIC_GROUP_COLUMNS = [
  "id",
  "slug",
  "name",
  "woonplaats",
  "gemeente",
  "gemeente_slug",
  "gemeente_code",
  "postcodes",
  "lat",
  "lng",
  "member_count",
  "approved_at",
  "updated_at",
] as const

type Row = Record<string, any>

/**
 * The group directory: groups, postcode areas and municipalities. Medusa generates
 * the CRUD methods (listNeighbourhoodGroups, createMunicipalities, …); this class adds
 * the searches that need SQL (distances, bounding boxes, array overlap) and the
 * reference data import, which replaces the previous import in one transaction.
 */
class NeighbourhoodGroupModuleService extends MedusaService({
  NeighbourhoodGroup,
  PostcodeArea,
  Municipality,
  GroupRegistration,
}) {
  /** Approved groups matching the filters; nearest first when `origin` is given. */
  @InjectManager()
  async searchApprovedGroups(
    input: GroupSearchInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ groups: PublicGroupRow[]; count: number }> {
    const manager = sharedContext.manager!
    const where: string[] = ["g.deleted_at IS NULL", "g.status = 'approved'"]
    const params: unknown[] = []

    for (const term of input.terms ?? []) {
      // terms are normalised to [a-z0-9]+, so they carry no LIKE wildcards
      where.push("g.search_text LIKE ?")
      params.push(`%${term}%`)
    }
    if (input.municipality) {
      where.push("(g.gemeente_slug = ANY(?::text[]) OR g.gemeente_code = ANY(?::text[]))")
      params.push(pgTextArray(input.municipality.slugs), pgTextArray(input.municipality.codes))
    }
    if (input.bbox) {
      const [minLng, minLat, maxLng, maxLat] = input.bbox
      where.push("point(g.public_lng, g.public_lat) <@ box(point(?, ?), point(?, ?))")
      params.push(minLng, minLat, maxLng, maxLat)
    }

    const whereSql = where.join(" AND ")
    const [{ count }] = await manager.execute(
      `SELECT count(*)::int AS count FROM neighbourhood_group g WHERE ${whereSql}`,
      params
    )

    const columns = publicColumnsSql("g.")
    const coversSql = input.covers_pc4 ? ", g.postcodes @> ARRAY[?]::text[] AS covers_postcode" : ""
    const coversParams = input.covers_pc4 ? [input.covers_pc4] : []

    if (!input.origin) {
      const rows: Row[] = await manager.execute(
        `SELECT ${columns}${coversSql} FROM neighbourhood_group g WHERE ${whereSql}
          ORDER BY g.name ASC, g.id ASC LIMIT ? OFFSET ?`,
        [...coversParams, ...params, input.limit, input.offset]
      )
      return { groups: rows.map(toPublicRow), count }
    }

    const origin = input.origin
    if (!input.covers_pc4) {
      return { groups: await this.nearestPage_(manager, whereSql, params, origin, input.limit, input.offset, count, coversSql, coversParams), count }
    }

    // The groups that cover the searched postcode come first (nearest of them first), then
    // all others nearest first: a group whose pin is far off still shows for its own postcode.
    const coverWhere = `${whereSql} AND g.postcodes @> ARRAY[?]::text[]`
    const coverParams = [...params, input.covers_pc4]
    const [{ count: covering }] = await manager.execute(
      `SELECT count(*)::int AS count FROM neighbourhood_group g WHERE ${coverWhere}`,
      coverParams
    )
    const groups: PublicGroupRow[] = []
    if (input.offset < covering) {
      const rows: Row[] = await manager.execute(
        `SELECT ${columns}${coversSql}, ${haversineSql("g.public_lat", "g.public_lng")} AS distance_km
           FROM neighbourhood_group g WHERE ${coverWhere}
          ORDER BY distance_km ASC NULLS LAST, g.name ASC, g.id ASC LIMIT ? OFFSET ?`,
        [...coversParams, origin.lat, origin.lat, origin.lng, ...coverParams, input.limit, input.offset]
      )
      groups.push(...rows.map(toPublicRow))
    }
    const rest = input.limit - groups.length
    if (rest > 0) {
      const restWhere = `${whereSql} AND NOT (g.postcodes @> ARRAY[?]::text[])`
      groups.push(
        ...(await this.nearestPage_(
          manager,
          restWhere,
          coverParams,
          origin,
          rest,
          Math.max(0, input.offset - covering),
          count - covering,
          coversSql,
          coversParams
        ))
      )
    }
    return { groups, count }
  }

  /**
   * One page of the groups matching `whereSql`, nearest to `origin` first, without
   * measuring every group: the GiST index on point(public_lng, public_lat) hands out
   * candidates in order of their distance in degrees (KNN, `<->`); the exact distances of
   * those candidates are then sorted. The page is exact when its last group is nearer than
   * any group outside the candidates can be (see `minKmBeyondDegrees`); otherwise fetch
   * more, and in the end measure them all. Distances are measured from the public
   * (rounded) point: a distance from the precise one would give it away.
   */
  protected async nearestPage_(
    manager: EntityManager,
    whereSql: string,
    params: unknown[],
    origin: { lat: number; lng: number },
    limit: number,
    offset: number,
    count: number,
    coversSql: string,
    coversParams: unknown[]
  ): Promise<PublicGroupRow[]> {
    const columns = publicColumnsSql("g.")
    const distanceSql = `${haversineSql("g.public_lat", "g.public_lng")} AS distance_km`
    const distanceParams = [origin.lat, origin.lat, origin.lng]
    const wanted = offset + limit

    for (let candidates = Math.max(3 * wanted + 30, 60); candidates <= KNN_MAX_CANDIDATES; candidates *= 4) {
      const rows: Row[] = await manager.execute(
        `SELECT * FROM (
           SELECT ${columns}${coversSql}, ${distanceSql}, point(g.public_lng, g.public_lat) <-> point(?, ?) AS degrees
             FROM neighbourhood_group g
            WHERE ${whereSql} AND g.public_lat IS NOT NULL AND g.public_lng IS NOT NULL
            ORDER BY point(g.public_lng, g.public_lat) <-> point(?, ?) LIMIT ?
         ) c ORDER BY c.distance_km ASC, c.name ASC, c.id ASC`,
        [...coversParams, ...distanceParams, origin.lng, origin.lat, ...params, origin.lng, origin.lat, candidates]
      )
      const page = rows.slice(offset, wanted)
      if (rows.length < candidates) {
        // every located match is here; groups without a point would follow them
        if (rows.length >= wanted || rows.length === count) return page.map(toPublicRow)
        break
      }
      const farthestDegrees = Math.max(...rows.map((r) => Number(r.degrees)))
      if (rows[wanted - 1].distance_km < minKmBeyondDegrees(origin.lat, farthestDegrees)) {
        return page.map(toPublicRow)
      }
    }

    const rows: Row[] = await manager.execute(
      `SELECT ${columns}${coversSql}, ${distanceSql} FROM neighbourhood_group g WHERE ${whereSql}
        ORDER BY distance_km ASC NULLS LAST, g.name ASC, g.id ASC LIMIT ? OFFSET ?`,
      [...coversParams, ...distanceParams, ...params, limit, offset]
    )
    return rows.map(toPublicRow)
  }

  /**
   * The centre of each of `pc4s` known to the reference data (the mean of its postcode
   * areas), for checking that a group's point lies near its postcodes.
   */
  @InjectManager()
  async postcodeCentres(
    pc4s: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ pc4: string; lat: number; lng: number }[]> {
    if (!pc4s.length) return []
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT pc4, avg(lat)::float8 AS lat, avg(lng)::float8 AS lng FROM postcode_area
        WHERE pc4 = ANY(?::text[]) AND deleted_at IS NULL GROUP BY pc4 ORDER BY pc4`,
      [pgTextArray(pc4s)]
    )
    return rows.map((r) => ({ pc4: r.pc4, lat: round5(r.lat), lng: round5(r.lng) }))
  }

  /** One approved group by slug, public columns only. */
  @InjectManager()
  async retrieveApprovedGroupBySlug(
    slug: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<PublicGroupRow | null> {
    const columns = publicColumnsSql("")
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT ${columns} FROM neighbourhood_group WHERE slug = ? AND status = 'approved' AND deleted_at IS NULL`,
      [slug]
    )
    return rows[0] ? toPublicRow(rows[0]) : null
  }

  /**
   * The centre of a PC4: the mean of its postcode areas in the reference data,
   * or, before any reference data is imported, of the approved groups covering it.
   */
  @InjectManager()
  async findPostcodeOrigin(
    pc4: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<PostcodeOrigin | null> {
    const manager = sharedContext.manager!
    const [area]: Row[] = await manager.execute(
      `SELECT avg(lat)::float8 AS lat, avg(lng)::float8 AS lng, count(*)::int AS n,
              array_agg(DISTINCT place ORDER BY place) AS places,
              (array_agg(municipality ORDER BY municipality))[1] AS gemeente
         FROM postcode_area WHERE pc4 = ? AND deleted_at IS NULL`,
      [pc4]
    )
    if (area?.n > 0) {
      return { pc4, lat: round5(area.lat), lng: round5(area.lng), places: area.places, gemeente: area.gemeente, source: "reference" }
    }
    const [fromGroups]: Row[] = await manager.execute(
      `SELECT avg(public_lat)::float8 AS lat, avg(public_lng)::float8 AS lng, count(*)::int AS n,
              array_agg(DISTINCT woonplaats ORDER BY woonplaats) AS places,
              (array_agg(gemeente ORDER BY gemeente))[1] AS gemeente
         FROM neighbourhood_group
        WHERE postcodes @> ARRAY[?]::text[] AND status = 'approved' AND deleted_at IS NULL AND public_lat IS NOT NULL`,
      [pc4]
    )
    if (fromGroups?.n > 0) {
      // one group's mean is its own point: public precision only
      return { pc4, lat: roundPublic(fromGroups.lat), lng: roundPublic(fromGroups.lng), places: fromGroups.places, gemeente: fromGroups.gemeente, source: "groups" }
    }
    return null
  }

  /**
   * Ids of the groups whose admin e-mail is one of `emails` (normalised: trimmed, lower
   * case), compared whole: erasing a@x.co never touches ba@x.com or a@x.com.
   */
  @InjectManager()
  async listGroupIdsByAdminEmail(
    emails: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    if (!emails.length) return []
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT id FROM neighbourhood_group WHERE lower(btrim(admin_email)) = ANY(?::text[]) AND deleted_at IS NULL`,
      [pgTextArray(emails)]
    )
    return rows.map((r) => r.id)
  }

  /**
   * Approved groups near `groupId` (issue 30, "Buurgroepen"), for that group's admin: a group
   * is near when it
   * - shares one of our PC4s (`shares_postcode`),
   * - has a PC4 that borders one of ours (`adjacent`), whatever the distance,
   * - has a PC4 whose area lies within `km` of one of ours, edge to edge (`postcode_km`, the
   *   smallest such gap; 0 when shared or bordering),
   * - or lies with its point within `km` of our point (`distance_km`).
   * Areas, borders and gaps are estimated from the PC4 centres of the reference data
   * (utils/nearby-postcodes.ts says how). Both points are the public (rounded) ones: the admin
   * sees no more of another group than anyone does. Shared postcodes first, then nearest.
   * `admin_messages_enabled` is for the caller to judge reachability; it never leaves the
   * backend as such. Candidates come from the indexes (GIN on `postcodes`, GiST on the public
   * point): the prefilter names our PC4s and the nearby ones as one array and the box as a box,
   * constants the planner can look up, where comparing with the `me` row scanned every approved
   * group (10-20 ms of 10,000 on a loaded 2-core machine; `npm run bench:groups`). Every PC4
   * centre is read once per process (about 4,000).
   */
  @InjectManager()
  async nearbyGroups(
    groupId: string,
    km: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<NearbyGroupRow[]> {
    const manager = sharedContext.manager!
    const [me]: Row[] = await manager.execute(
      `SELECT id, postcodes, public_lat::float8 AS lat, public_lng::float8 AS lng FROM neighbourhood_group WHERE id = ? AND deleted_at IS NULL`,
      [groupId]
    )
    if (!me) return []
    const index = await this.postcodeIndex_(manager)
    const own: string[] = me.postcodes ?? []
    const near = new Map(index.near(own, km).map((n) => [n.pc4, n]))
    // Only groups sharing or near a PC4, or with their point inside the box around ours,
    // are measured (the box a little wider than km: the exact distance decides). Both tests
    // are on constants, so PostgreSQL can answer them from the indexes (one BitmapOr).
    const box = me.lat === null || me.lng === null ? null : boundingBox(me.lat, me.lng, km * 1.01 + 0.01)
    const distance = haversineColumnsSql("g.public_lat", "g.public_lng", "me.public_lat", "me.public_lng")
    const rows: Row[] = await manager.execute(
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
            AND (g.postcodes && ?::text[]${box ? " OR point(g.public_lng, g.public_lat) <@ box(point(?::float8, ?::float8), point(?::float8, ?::float8))" : ""})
       ) n
        WHERE n.shares_postcode OR n.near_postcode OR n.distance_km <= ?
        ORDER BY n.shares_postcode DESC, n.distance_km ASC NULLS LAST, n.name ASC, n.id ASC`,
      [
        groupId,
        pgTextArray([...near.keys()]),
        pgTextArray([...new Set([...own, ...near.keys()])]),
        ...(box ? [box.minLng, box.minLat, box.maxLng, box.maxLat] : []),
        km,
      ]
    )
    return rows.map((r) => {
      const shares = Boolean(r.shares_postcode)
      const theirs = ((r.postcodes ?? []) as string[]).map((pc4) => near.get(pc4)).filter((n) => n !== undefined)
      const gaps = theirs.map((n) => n.gap_km)
      return {
        id: r.id,
        slug: r.slug,
        name: r.name,
        woonplaats: r.woonplaats,
        admin_messages_enabled: Boolean(r.admin_messages_enabled),
        shares_postcode: shares,
        adjacent: theirs.some((n) => n.adjacent),
        postcode_km: shares ? 0 : gaps.length ? Math.min(...gaps) : null,
        distance_km: r.distance_km === null ? null : Math.round(r.distance_km * 100) / 100,
      }
    })
  }

  /**
   * The PC4 centres of the reference data, prepared for "Buurgroepen" (utils/nearby-postcodes.ts),
   * read once and kept for this process: the reference data changes only with an import,
   * which forgets it here; an import by another process shows after POSTCODE_INDEX_TTL_MS.
   */
  protected async postcodeIndex_(manager: EntityManager): Promise<PostcodeIndex> {
    const cached = postcodeIndexCache
    if (cached && Date.now() - cached.at < POSTCODE_INDEX_TTL_MS) return cached.index
    const centres: Row[] = await manager.execute(
      `SELECT pc4, avg(lat)::float8 AS lat, avg(lng)::float8 AS lng FROM postcode_area WHERE deleted_at IS NULL GROUP BY pc4`
    )
    const index = new PostcodeIndex(centres.map((c) => ({ pc4: c.pc4, lat: c.lat, lng: c.lng })))
    postcodeIndexCache = { at: Date.now(), index }
    return index
  }

  /**
   * The admin's messaging setting. Not through the generated update: that would move
   * `updated_at`, and staff deciding on the group (who carry the `updated_at` they saw) would
   * be told it changed, for a setting that is not theirs to judge. Returns the previous value.
   */
  @InjectManager()
  async setAdminMessagesEnabled(
    groupId: string,
    enabled: boolean,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean | null> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `UPDATE neighbourhood_group g SET admin_messages_enabled = ? FROM neighbourhood_group old
        WHERE g.id = old.id AND g.id = ? AND g.deleted_at IS NULL RETURNING old.admin_messages_enabled AS previous`,
      [enabled, groupId]
    )
    return rows.length ? Boolean(rows[0].previous) : null
  }

  /**
   * Claims an open registration by its token's hash, once: the first caller gets its data,
   * a second one (or a late or unknown token) does not. One UPDATE, so two clicks at the
   * same moment cannot both create the group.
   */
  @InjectManager()
  async claimGroupRegistration(
    tokenHash: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ state: "claimed"; id: string; data: Record<string, unknown> } | { state: "confirmed" | "invalid" }> {
    const manager = sharedContext.manager!
    const [claimed]: Row[] = await manager.execute(
      `UPDATE group_registration SET confirmed_at = now(), updated_at = now()
        WHERE token_hash = ? AND confirmed_at IS NULL AND expires_at > now() AND deleted_at IS NULL AND data IS NOT NULL
        RETURNING id, data`,
      [tokenHash]
    )
    if (claimed) return { state: "claimed", id: claimed.id, data: claimed.data }
    const [used]: Row[] = await manager.execute(
      `SELECT 1 FROM group_registration WHERE token_hash = ? AND confirmed_at IS NOT NULL AND deleted_at IS NULL`,
      [tokenHash]
    )
    return { state: used ? "confirmed" : "invalid" }
  }

  /** Gives a claimed registration back (the confirmation failed after the claim). */
  @InjectManager()
  async unclaimGroupRegistration(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `UPDATE group_registration SET confirmed_at = NULL, updated_at = now() WHERE id = ? AND group_id IS NULL`,
      [id]
    )
  }

  /** Unconfirmed, unexpired registrations of one (normalised) address. */
  @InjectManager()
  async countOpenGroupRegistrations(email: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const [{ count }]: Row[] = await sharedContext.manager!.execute(
      `SELECT count(*)::int AS count FROM group_registration
        WHERE email = ? AND confirmed_at IS NULL AND expires_at > now() AND deleted_at IS NULL`,
      [email]
    )
    return count
  }

  /** Deletes (for good) registrations whose link expired, confirmed or not; their ids. */
  @InjectManager()
  async deleteExpiredGroupRegistrations(
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `DELETE FROM group_registration WHERE expires_at <= ? RETURNING id`,
      [now]
    )
    return rows.map((r) => r.id)
  }

  /** Deletes (for good) the registrations of these (normalised) addresses: erasure. */
  @InjectManager()
  async deleteGroupRegistrationsByEmail(
    emails: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    if (!emails.length) return []
    const rows: Row[] = await sharedContext.manager!.execute(
      `DELETE FROM group_registration WHERE email = ANY(?::text[]) RETURNING id`,
      [pgTextArray(emails)]
    )
    return rows.map((r) => r.id)
  }

  @InjectManager()
  async hasReferenceData(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const [row] = await sharedContext.manager!.execute(
      "SELECT EXISTS (SELECT 1 FROM postcode_area WHERE deleted_at IS NULL) AS present"
    )
    return Boolean(row?.present)
  }

  /**
   * Pending or approved groups with the same name key covering at least one of the PC4s;
   * approved ones first, then the oldest: the likeliest original of a duplicate.
   */
  @InjectManager()
  async findOverlappingGroups(
    input: { name_key: string; postcodes: string[]; exclude_id?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; slug: string; name: string; status: string; postcodes: string[] }[]> {
    return await sharedContext.manager!.execute(
      `SELECT id, slug, name, status, postcodes FROM neighbourhood_group
        WHERE name_key = ? AND postcodes && ?::text[] AND status IN ('pending', 'approved')
          AND deleted_at IS NULL AND id <> ?
        ORDER BY (status = 'approved') DESC, created_at ASC, id ASC`,
      [input.name_key, pgTextArray(input.postcodes), input.exclude_id ?? ""]
    )
  }

  /** `base`, or `base-2`, `base-3`, … : the first slug no other group uses (nor `alsoTaken`). */
  @InjectManager()
  async nextFreeSlug(
    base: string,
    alsoTaken: string[] = [],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string> {
    const rows: Row[] = await sharedContext.manager!.execute(
      "SELECT slug FROM neighbourhood_group WHERE (slug = ? OR slug LIKE ?) AND deleted_at IS NULL",
      [base, `${base.replace(/[\\%_]/g, "\\$&")}-%`]
    )
    const taken = new Set([...rows.map((r) => r.slug), ...alsoTaken])
    if (!taken.has(base)) return base
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
  }

  /**
   * Which municipality a slug (or name) stands for, following renames and mergers
   * to the current one, and every slug and CBS code that now belongs to it.
   */
  @InjectManager()
  async resolveMunicipalityScope(
    slugOrName: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<MunicipalityScope> {
    const slug = slugify(slugOrName)
    const all = await this.listMunicipalities({}, {}, sharedContext)
    const bySlug = new Map(all.map((m) => [m.slug, m]))
    const start = bySlug.get(slug)
    if (!start) return { requested: slug, current: null, slugs: [slug], codes: [] }

    const resolve = (m: (typeof all)[number]) => {
      const seen = new Set<string>()
      let current = m
      while (current.renamed_to && bySlug.has(current.renamed_to) && !seen.has(current.slug)) {
        seen.add(current.slug)
        current = bySlug.get(current.renamed_to)!
      }
      return current
    }
    const current = resolve(start)
    const family = all.filter((m) => resolve(m).slug === current.slug)
    return {
      requested: slug,
      current: current.retired_at ? null : current,
      retired: current.retired_at ? current : undefined,
      slugs: family.map((m) => m.slug),
      codes: [...new Set(family.map((m) => m.code))],
      predecessors: family.filter((m) => m.slug !== current.slug),
    }
  }

  /** Approved groups per municipality scope (slugs or codes). */
  @InjectManager()
  async countApprovedGroups(
    scope: { slugs: string[]; codes: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    const [{ count }] = await sharedContext.manager!.execute(
      `SELECT count(*)::int AS count FROM neighbourhood_group
        WHERE status = 'approved' AND deleted_at IS NULL
          AND (gemeente_slug = ANY(?::text[]) OR gemeente_code = ANY(?::text[]))`,
      [pgTextArray(scope.slugs), pgTextArray(scope.codes)]
    )
    return count
  }

  /** Approved groups per gemeente (slug, name, code, mean point): the municipality list before/beside reference data. */
  @InjectManager()
  async approvedGroupsByMunicipality(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<GroupsPerMunicipality[]> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT gemeente_slug, min(gemeente) AS gemeente, min(gemeente_code) AS gemeente_code, count(*)::int AS count,
              avg(public_lat)::float8 AS lat, avg(public_lng)::float8 AS lng
         FROM neighbourhood_group WHERE status = 'approved' AND deleted_at IS NULL
        GROUP BY gemeente_slug`
    )
    return rows.map((r) => ({
      gemeente_slug: r.gemeente_slug,
      gemeente: r.gemeente,
      gemeente_code: r.gemeente_code ?? null,
      count: r.count,
      lat: r.lat === null ? null : roundPublic(r.lat),
      lng: r.lng === null ? null : roundPublic(r.lng),
    }))
  }

  /** Places and PC4s of a municipality (by CBS code) in the reference data. */
  @InjectManager()
  async municipalityAreas(
    code: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ places: string[]; postcodes: string[] }> {
    const [row]: Row[] = await sharedContext.manager!.execute(
      `SELECT coalesce(array_agg(DISTINCT place ORDER BY place), '{}') AS places,
              coalesce(array_agg(DISTINCT pc4 ORDER BY pc4), '{}') AS postcodes
         FROM postcode_area WHERE municipality_code = ? AND deleted_at IS NULL`,
      [code]
    )
    return { places: row?.places ?? [], postcodes: row?.postcodes ?? [] }
  }

  /**
   * Replaces the reference data with `rows` in one transaction: postcode areas are
   * inserted, updated or deleted to match (unchanged rows keep their ids, so
   * importing the same file twice changes nothing), municipalities are derived
   * from them, and municipalities that disappeared get `renamed_to` (their
   * successor) and `retired_at`.
   */
  @InjectManager()
  async replaceReferenceData(
    rows: PostcodeAreaRow[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ReferenceImportSummary> {
    return await this.replaceReferenceData_(rows, sharedContext)
  }

  @InjectTransactionManager()
  protected async replaceReferenceData_(
    rows: PostcodeAreaRow[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ReferenceImportSummary> {
    const manager = sharedContext.transactionManager!
    forgetPostcodeIndex()
    // One import at a time: a second one waits here until this transaction ends.
    await manager.execute("SELECT pg_advisory_xact_lock(hashtext('neighbourhood_group.reference_data'))")

    const previousAreas = await this.listPostcodeAreas({}, {}, sharedContext)
    const previousMunicipalities = await this.listMunicipalities({}, {}, sharedContext)

    // Postcode areas, keyed by (pc4, place, municipality code)
    const key = (a: { pc4: string; place: string; municipality_code: string }) =>
      `${a.pc4}\t${a.place}\t${a.municipality_code}`
    const existing = new Map(previousAreas.map((a) => [key(a), a]))
    const incoming = new Map(rows.map((r) => [key(r), r]))
    const toCreate = rows.filter((r) => !existing.has(key(r)))
    const toUpdate = rows
      .filter((r) => existing.has(key(r)))
      .filter((r) => {
        const e = existing.get(key(r))!
        return (
          e.municipality !== r.municipality ||
          e.province !== r.province ||
          (e.province_code ?? null) !== r.province_code ||
          !sameCoordinate(e.lat, r.lat) ||
          !sameCoordinate(e.lng, r.lng)
        )
      })
      .map((r) => ({ id: existing.get(key(r))!.id, ...r }))
    const toDelete = previousAreas.filter((a) => !incoming.has(key(a))).map((a) => a.id)

    if (toDelete.length) await this.deletePostcodeAreas(toDelete, sharedContext)
    for (const batch of chunks(toUpdate, 500)) await this.updatePostcodeAreas(batch, sharedContext)
    for (const batch of chunks(toCreate, 1000)) await this.createPostcodeAreas(batch, sharedContext)

    // Municipalities
    const derived = deriveMunicipalities(rows)
    const active = previousMunicipalities.filter((m) => !m.retired_at)
    const successors = findSuccessors(active, previousAreas, derived, rows)
    const bySlug = new Map(previousMunicipalities.map((m) => [m.slug, m]))
    const now = new Date()

    const municipalityCreates = derived.filter((m) => !bySlug.has(m.slug))
    const municipalityUpdates = derived
      .filter((m) => bySlug.has(m.slug))
      .filter((m) => {
        const e = bySlug.get(m.slug)!
        return (
          e.code !== m.code ||
          e.name !== m.name ||
          e.province !== m.province ||
          !sameCoordinate(e.lat, m.lat) ||
          !sameCoordinate(e.lng, m.lng) ||
          e.renamed_to !== null ||
          e.retired_at !== null
        )
      })
      .map((m) => ({ id: bySlug.get(m.slug)!.id, ...m, renamed_to: null, retired_at: null }))
    const retirements = [...successors.entries()].map(([slug, successor]) => ({
      id: bySlug.get(slug)!.id,
      renamed_to: successor,
      retired_at: now,
    }))

    if (municipalityUpdates.length) await this.updateMunicipalities(municipalityUpdates, sharedContext)
    if (retirements.length) await this.updateMunicipalities(retirements, sharedContext)
    if (municipalityCreates.length) await this.createMunicipalities(municipalityCreates, sharedContext)

    return {
      postcode_areas: { total: rows.length, created: toCreate.length, updated: toUpdate.length, deleted: toDelete.length },
      municipalities: {
        total: derived.length,
        created: municipalityCreates.length,
        updated: municipalityUpdates.length,
        retired: [...successors.entries()].map(([slug, renamed_to]) => ({ slug, renamed_to })),
      },
    }
  }

  /** Removes all reference data (undoing a first import). */
  @InjectManager()
  async clearReferenceData(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await this.clearReferenceData_(sharedContext)
  }

  @InjectTransactionManager()
  protected async clearReferenceData_(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const manager = sharedContext.transactionManager!
    forgetPostcodeIndex()
    await manager.execute("DELETE FROM postcode_area")
    await manager.execute("DELETE FROM municipality")
  }

  /** Every postcode area, for the import workflow's compensation (undo an import). */
  @InjectManager()
  async snapshotReferenceData(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<PostcodeAreaRow[]> {
    const areas = await this.listPostcodeAreas({}, {}, sharedContext)
    return areas.map((a) => ({
      pc4: a.pc4,
      place: a.place,
      province: a.province,
      province_code: a.province_code ?? null,
      municipality: a.municipality,
      municipality_code: a.municipality_code,
      lat: a.lat,
      lng: a.lng,
    }))
  }
}

export default NeighbourhoodGroupModuleService

/** Beyond this many KNN candidates the exact full sort is as cheap. */
const KNN_MAX_CANDIDATES = 4000

/**
 * Haversine distance in km from the point bound by the three `?` (lat, lat, lng);
 * NULL for a group without a point (least() would otherwise skip the NULL and answer half the globe).
 */
function haversineSql(latColumn: string, lngColumn: string): string {
  return `(CASE WHEN ${latColumn} IS NULL OR ${lngColumn} IS NULL THEN NULL ELSE 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
      power(sin(radians(${latColumn}::float8 - ?::float8) / 2), 2)
      + cos(radians(?::float8)) * cos(radians(${latColumn}::float8))
      * power(sin(radians(${lngColumn}::float8 - ?::float8) / 2), 2)))) END)`
}

/** How long a process keeps the prepared PC4 centres (another process's import shows after this). */
export const POSTCODE_INDEX_TTL_MS = 10 * 60 * 1000
let postcodeIndexCache: { at: number; index: PostcodeIndex } | null = null

/** Drops the prepared PC4 centres (after an import, and for tests that change the reference data). */
export function forgetPostcodeIndex(): void {
  postcodeIndexCache = null
}

function toPublicRow(row: Row): PublicGroupRow {
  const group: PublicGroupRow = {
    id: row.id,
    slug: row.slug,
    name: row.name,
    woonplaats: row.woonplaats,
    gemeente: row.gemeente,
    gemeente_slug: row.gemeente_slug,
    gemeente_code: row.gemeente_code ?? null,
    postcodes: row.postcodes ?? [],
    lat: row.lat ?? null,
    lng: row.lng ?? null,
    member_count: row.member_count,
    approved_at: row.approved_at ? new Date(row.approved_at).toISOString() : null,
    updated_at: new Date(row.updated_at).toISOString(),
  }
  if ("distance_km" in row) group.distance_km = row.distance_km === null ? null : Math.round(row.distance_km * 100) / 100
  if ("covers_postcode" in row) group.covers_postcode = Boolean(row.covers_postcode)
  return group
}

/** float4 keeps about 7 significant digits (~0.5 m at these latitudes): compare at 1e-5 degrees. */
function sameCoordinate(a: number, b: number): boolean {
  return Math.abs(Number(a) - Number(b)) < 1e-5
}

/**
 * The store's columns with the point at public precision: `public_lat`/`public_lng` are
 * generated from the precise point (rounded to PUBLIC_POINT_DECIMALS, see the migration
 * Migration20261206200000), which only staff see.
 */
function publicColumnsSql(alias: string): string {
  return PUBLIC_GROUP_COLUMNS.map((c) => (c === "lat" || c === "lng" ? `${alias}public_${c} AS ${c}` : `${alias}${c}`)).join(", ")
}

function roundPublic(n: number): number {
  const factor = 10 ** PUBLIC_POINT_DECIMALS
  return Math.round(n * factor) / factor
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
