/**
 * Which PC4 areas lie next to or near a group's own (issue 30, "Buurgroepen"). The reference
 * data holds one estimated centre per PC4 and no borders, so areas are approximated from
 * the centres alone:
 *
 * - Each PC4 is taken to reach at least halfway to the nearest other PC4 centre: its
 *   radius is half that distance (where two neighbouring areas meet halfway between their
 *   centres, this circle lies wholly inside the area).
 * - The gap between two areas is the distance between their centres minus both radii (never
 *   below 0): the distance from edge to edge, measured as if both were those circles. It
 *   overestimates a gap rather than underestimating it.
 * - Two areas border each other ("aangrenzend", gap 0) when no other PC4 centre lies inside
 *   the circle whose diameter joins their centres (a Gabriel-graph neighbour: the areas
 *   around the centres then share a border), with centres at most ADJACENT_MAX_KM apart
 *   (beyond that an edge crosses water or another country's land).
 *
 * A PC4 is near when it borders one of ours or its gap to one of ours is at most the chosen
 * distance. Real data: 3581 and 3582 in Utrecht (centres 1.1 km apart) border each other;
 * a rural PC4 finds its neighbours whose centres lie 3–6 km away. The rule needs all PC4
 * centres of the surroundings: with only a sample (tests), areas grow to fill the gaps.
 */
import { EARTH_RADIUS_KM } from "./geo"

export type PostcodeCentre = { pc4: string; lat: number; lng: number }

/** How near one PC4 is to the nearest of ours: bordering (gap 0) or the gap in km. */
export type PostcodeNearness = { pc4: string; adjacent: boolean; gap_km: number }

/** The longest border between two PC4 centres counted as shared (99 % of real ones are shorter). */
export const ADJACENT_MAX_KM = 10

/** km per degree of latitude on the mean Earth. */
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM

type Point = { pc4: string; x: number; y: number }

/** Plain km coordinates (equirectangular at each point's own latitude: exact enough over tens of km). */
function project(centres: readonly PostcodeCentre[]): Point[] {
  return centres.map((c) => ({ pc4: c.pc4, x: c.lng * KM_PER_DEGREE * Math.cos((c.lat * Math.PI) / 180), y: c.lat * KM_PER_DEGREE }))
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/** A grid of square cells for neighbour searches among a few thousand points. */
class Grid {
  private readonly cells = new Map<number, Point[]>()
  constructor(
    points: readonly Point[],
    private readonly size: number
  ) {
    for (const p of points) {
      const key = this.key(Math.floor(p.x / size), Math.floor(p.y / size))
      const cell = this.cells.get(key)
      if (cell) cell.push(p)
      else this.cells.set(key, [p])
    }
  }
  private key(i: number, j: number) {
    // the country spans a few hundred cells in each direction: no two cells share a key
    return i * 1_000_003 + j
  }
  /** Every point within `km` of `p` (and some a little farther). */
  around(p: Point, km: number): Point[] {
    const reach = Math.ceil(km / this.size)
    const i0 = Math.floor(p.x / this.size)
    const j0 = Math.floor(p.y / this.size)
    const found: Point[] = []
    for (let i = i0 - reach; i <= i0 + reach; i++) {
      for (let j = j0 - reach; j <= j0 + reach; j++) {
        const cell = this.cells.get(this.key(i, j))
        if (cell) for (const q of cell) found.push(q)
      }
    }
    return found
  }
  /** The distance to the nearest other point; Infinity when `p` is alone. */
  nearest(p: Point, maxKm: number): number {
    for (let km = this.size; ; km *= 2) {
      let best = Infinity
      for (const q of this.around(p, km)) if (q.pc4 !== p.pc4) best = Math.min(best, dist(p, q))
      // a point found within the searched square is the nearest once it lies within its inner circle
      if (best <= km || km >= maxKm) return best
    }
  }
}

/**
 * The PC4 centres prepared once for many questions: projected, in a grid, each PC4's radius
 * and bordering neighbours computed on first use and kept. Build it once per set of centres
 * (the reference data changes only with an import): a question then costs microseconds.
 */
export class PostcodeIndex {
  private readonly points: Map<string, Point>
  private readonly grid: Grid
  private readonly radii = new Map<string, number>()
  private readonly borders = new Map<string, Set<string>>()

  constructor(centres: readonly PostcodeCentre[]) {
    const points = project(dedupe(centres))
    this.points = new Map(points.map((p) => [p.pc4, p]))
    this.grid = new Grid(points, 2)
  }

  get size(): number {
    return this.points.size
  }

  private radius(p: Point): number {
    let r = this.radii.get(p.pc4)
    if (r === undefined) {
      // a PC4 alone within 2 × ADJACENT_MAX_KM counts as that wide at most
      r = Math.min(this.grid.nearest(p, 4 * ADJACENT_MAX_KM), 2 * ADJACENT_MAX_KM) / 2
      this.radii.set(p.pc4, r)
    }
    return r
  }

  private bordering(p: Point): Set<string> {
    let found = this.borders.get(p.pc4)
    if (!found) {
      found = new Set()
      for (const c of this.grid.around(p, ADJACENT_MAX_KM)) {
        if (c.pc4 !== p.pc4 && dist(p, c) <= ADJACENT_MAX_KM && isGabrielNeighbour(p, c, this.grid)) found.add(c.pc4)
      }
      this.borders.set(p.pc4, found)
    }
    return found
  }

  /** See nearbyPostcodes. */
  near(own: readonly string[], maxKm: number): PostcodeNearness[] {
    const ownSet = new Set(own)
    const ours = [...ownSet].map((pc4) => this.points.get(pc4)).filter((p) => p !== undefined)
    if (!ours.length) return []
    const best = new Map<string, PostcodeNearness>()
    const note = (pc4: string, adjacent: boolean, gap: number) => {
      const prev = best.get(pc4)
      best.set(pc4, { pc4, adjacent: adjacent || Boolean(prev?.adjacent), gap_km: Math.min(gap, prev?.gap_km ?? Infinity) })
    }
    for (const o of ours) {
      const ro = this.radius(o)
      const borders = this.bordering(o)
      // radii are at most ADJACENT_MAX_KM each: nothing farther can be near
      for (const c of this.grid.around(o, Math.max(ADJACENT_MAX_KM, maxKm + ro + ADJACENT_MAX_KM))) {
        if (ownSet.has(c.pc4)) continue
        const adjacent = borders.has(c.pc4)
        const gap = adjacent ? 0 : Math.max(0, dist(o, c) - ro - this.radius(c))
        if (adjacent || gap <= maxKm) note(c.pc4, adjacent, gap)
      }
    }
    return [...best.values()]
      .map((n) => ({ ...n, gap_km: Math.round(n.gap_km * 100) / 100 }))
      .sort((a, b) => a.gap_km - b.gap_km || a.pc4.localeCompare(b.pc4))
  }
}

/**
 * The PC4s near `own` (not `own` themselves) with their nearness, for a chosen distance of
 * at most `maxKm`: those bordering one of ours, and those whose gap to one of ours is at
 * most `maxKm`. A PC4 of ours without a centre in `centres` finds nothing. Pass a
 * PostcodeIndex to reuse the prepared centres.
 */
export function nearbyPostcodes(centres: readonly PostcodeCentre[] | PostcodeIndex, own: readonly string[], maxKm: number): PostcodeNearness[] {
  const index = centres instanceof PostcodeIndex ? centres : new PostcodeIndex(centres)
  return index.near(own, maxKm)
}

/** No other centre inside the circle with diameter a–b. */
function isGabrielNeighbour(a: Point, b: Point, grid: Grid): boolean {
  const mid = { pc4: "", x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
  const r = dist(a, b) / 2
  for (const c of grid.around(mid, r)) {
    if (c.pc4 === a.pc4 || c.pc4 === b.pc4) continue
    if (dist(mid, c) < r - 1e-9) return false
  }
  return true
}

/** One centre per PC4 (the first; the service already averages a PC4's rows). */
function dedupe(centres: readonly PostcodeCentre[]): PostcodeCentre[] {
  const seen = new Map<string, PostcodeCentre>()
  for (const c of centres) if (!seen.has(c.pc4) && Number.isFinite(c.lat) && Number.isFinite(c.lng)) seen.set(c.pc4, c)
  return [...seen.values()]
}
