import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import type { MunicipalityDTO } from "../../../modules/neighbourhood-group/types"

/** A municipality as the store API shows it. */
export type StoreMunicipality = {
  code: string | null
  name: string
  slug: string
  province: string | null
  lat: number | null
  lng: number | null
  group_count: number
}

export function toStoreMunicipality(m: MunicipalityDTO, groupCount: number): StoreMunicipality {
  return { code: m.code, name: m.name, slug: m.slug, province: m.province, lat: m.lat, lng: m.lng, group_count: groupCount }
}

type GroupsByMunicipality = Awaited<ReturnType<NeighbourhoodGroupModuleService["approvedGroupsByMunicipality"]>>[number]

/** A gemeente known only from its groups (not in the reference data): what its groups say about it. */
export function municipalityOfGroups(bucket: GroupsByMunicipality): StoreMunicipality {
  return {
    code: bucket.gemeente_code,
    name: bucket.gemeente,
    slug: bucket.gemeente_slug,
    province: null,
    lat: bucket.lat,
    lng: bucket.lng,
    group_count: bucket.count,
  }
}

/**
 * Current municipalities with their number of approved groups: those in the reference
 * data (groups of merged municipalities count for their successor), plus the gemeenten
 * of groups the reference data does not know (all of them before the first import).
 */
export async function listStoreMunicipalities(service: NeighbourhoodGroupModuleService): Promise<StoreMunicipality[]> {
  const all = await service.listMunicipalities({})
  const bySlug = new Map(all.map((m) => [m.slug, m]))
  const activeByCode = new Map(all.filter((m) => !m.retired_at).map((m) => [m.code, m]))
  const current = (m: MunicipalityDTO) => {
    const seen = new Set<string>()
    let at = m
    while (at.renamed_to && bySlug.has(at.renamed_to) && !seen.has(at.slug)) {
      seen.add(at.slug)
      at = bySlug.get(at.renamed_to)!
    }
    return at.retired_at ? null : at
  }

  const counts = new Map<string, number>()
  const extra = new Map<string, StoreMunicipality>()
  for (const bucket of await service.approvedGroupsByMunicipality()) {
    const known = bySlug.get(bucket.gemeente_slug) ?? (bucket.gemeente_code ? activeByCode.get(bucket.gemeente_code) : undefined)
    const target = known ? current(known) : null
    if (target) {
      counts.set(target.slug, (counts.get(target.slug) ?? 0) + bucket.count)
    } else if (!known) {
      extra.set(bucket.gemeente_slug, municipalityOfGroups(bucket))
    }
  }

  return [
    ...all.filter((m) => !m.retired_at).map((m) => toStoreMunicipality(m, counts.get(m.slug) ?? 0)),
    ...extra.values(),
  ].sort((a, b) => a.name.localeCompare(b.name, "nl"))
}
