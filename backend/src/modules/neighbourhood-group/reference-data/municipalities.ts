/**
 * Municipalities derived from postcode areas, and which municipality took over
 * from one that disappeared between two imports (a rename or a merger).
 */
import { centreOf } from "../utils/geo"
import { slugify } from "../utils/text"
import type { PostcodeAreaRow } from "./geonames"

export type DerivedMunicipality = {
  code: string
  name: string
  slug: string
  province: string
  lat: number
  lng: number
}

/** One municipality per CBS code: its most common name and province, centred on the mean of its postcode areas. */
export function deriveMunicipalities(rows: PostcodeAreaRow[]): DerivedMunicipality[] {
  const byCode = new Map<string, PostcodeAreaRow[]>()
  for (const row of rows) {
    const list = byCode.get(row.municipality_code) ?? []
    list.push(row)
    byCode.set(row.municipality_code, list)
  }
  const used = new Set<string>()
  return [...byCode.keys()].sort().map((code) => {
    const areas = byCode.get(code)!
    const name = mostCommon(areas.map((a) => a.municipality))
    const province = mostCommon(areas.map((a) => a.province))
    // Two municipalities with the same name (rare) get the province, then the code, in their slug.
    let slug = slugify(name)
    if (used.has(slug)) slug = `${slugify(name)}-${slugify(province)}`
    if (used.has(slug)) slug = `${slugify(name)}-${code}`
    used.add(slug)
    const centre = centreOf(areas)!
    return { code, name, slug, province, lat: centre.lat, lng: centre.lng }
  })
}

/**
 * For each previous municipality that is not in the new data, the slug of its
 * successor: the municipality with the same CBS code under a new name (a rename),
 * otherwise the one that now holds more than half of its former PC4s (a merger),
 * otherwise null (it simply disappeared).
 */
export function findSuccessors(
  previous: { slug: string; code: string }[],
  previousAreas: { pc4: string; municipality_code: string }[],
  next: DerivedMunicipality[],
  nextRows: PostcodeAreaRow[]
): Map<string, string | null> {
  const nextSlugs = new Set(next.map((m) => m.slug))
  const nextByCode = new Map(next.map((m) => [m.code, m]))
  const nextCodesByPc4 = new Map<string, string[]>()
  for (const row of nextRows) {
    nextCodesByPc4.set(row.pc4, [...(nextCodesByPc4.get(row.pc4) ?? []), row.municipality_code])
  }

  const successors = new Map<string, string | null>()
  for (const old of previous) {
    if (nextSlugs.has(old.slug)) continue
    const renamed = nextByCode.get(old.code)
    if (renamed) {
      successors.set(old.slug, renamed.slug)
      continue
    }
    const votes = new Map<string, number>()
    const formerPc4s = new Set(previousAreas.filter((a) => a.municipality_code === old.code).map((a) => a.pc4))
    for (const pc4 of formerPc4s) {
      for (const code of nextCodesByPc4.get(pc4) ?? []) votes.set(code, (votes.get(code) ?? 0) + 1)
    }
    const winner = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
    // A merger moves (nearly) all postcodes; a municipality whose postcodes mostly vanished has no successor.
    successors.set(old.slug, winner && winner[1] * 2 > formerPc4s.size ? nextByCode.get(winner[0])!.slug : null)
  }
  return successors
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
}
