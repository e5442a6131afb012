import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type { GroupStatus } from "../../../modules/neighbourhood-group/models/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { postcodesLabel } from "../../../lib/dutch-list"
import { centreOf } from "../../../modules/neighbourhood-group/utils/geo"
import { uniquePc4s } from "../../../modules/neighbourhood-group/utils/postcode"
import { groupNameKey, groupSearchText, normaliseText, slugify } from "../../../modules/neighbourhood-group/utils/text"
import { duplicateGroupError, groupFieldError } from "../errors"
import type { PossibleDuplicate } from "./prepare-group-update"

/** A group as registrations, staff and the demo seed supply it. */
export type GroupInput = {
  name: string
  woonplaats: string
  /** Derived from the postcodes when reference data knows them; required otherwise. */
  gemeente?: string | null
  gemeente_code?: string | null
  postcodes: string[]
  /** Default: the centre of the postcodes in the reference data. */
  lat?: number | null
  lng?: number | null
  member_count: number
  admin_name: string
  admin_email: string
  admin_phone: string
  accepted_rules: boolean
  status?: GroupStatus
  /** Default: derived from name and woonplaats, made unique. */
  slug?: string
  metadata?: Record<string, unknown> | null
}

export type PrepareGroupsStepInput = {
  groups: GroupInput[]
  /** Look for a pending or approved group whose normalised name already covers one of its PC4s. */
  check_duplicates?: boolean
  /**
   * What a duplicate does: "refuse" (staff: a 409 naming the other group) or "report"
   * (registrations: the group is registered as usual and `possible_duplicate_of` tells
   * staff, so the registrant cannot learn whether, or which, other group exists).
   */
  on_duplicate?: "refuse" | "report"
  /** Refuse PC4s the reference data does not know (only when there is reference data). */
  require_known_postcodes?: boolean
}

/** What createGroupsStep writes. */
export type PreparedGroup = Required<Omit<GroupInput, "metadata" | "gemeente" | "gemeente_code" | "lat" | "lng">> & {
  gemeente: string
  gemeente_code: string | null
  gemeente_slug: string
  lat: number | null
  lng: number | null
  name_key: string
  search_text: string
  accepted_rules_at: Date | null
  approved_at: Date | null
  metadata: Record<string, unknown> | null
  possible_duplicate_of: PossibleDuplicate | null
}

export const prepareGroupsStepId = "prepare-neighbourhood-groups"

/**
 * Completes groups before they are created: municipality and centre point from the
 * reference data, normalised name and search text, a free slug; and refuses unknown
 * postcodes and duplicates. Reads only, so there is nothing to compensate.
 */
export const prepareGroupsStep = createStep(
  prepareGroupsStepId,
  async (input: PrepareGroupsStepInput, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const hasReferenceData = await service.hasReferenceData()
    const usedSlugs = new Set<string>()
    const prepared: PreparedGroup[] = []
    const now = new Date()

    for (const group of input.groups) {
      const postcodes = uniquePc4s(group.postcodes)
      const location = hasReferenceData
        ? await locateInReferenceData(service, postcodes, group.gemeente ?? null, input.require_known_postcodes ?? false)
        : null

      const gemeente = location?.gemeente ?? group.gemeente?.trim()
      if (!gemeente) throw groupFieldError("gemeente", "Vul de gemeente in waar je groep actief is")
      const gemeenteCode = location?.gemeente_code ?? group.gemeente_code ?? null
      const gemeenteSlug = location?.gemeente_slug ?? (await municipalitySlug(service, gemeente, gemeenteCode))
      const lat = group.lat ?? location?.lat ?? null
      const lng = group.lng ?? location?.lng ?? null
      const nameKey = groupNameKey(group.name)

      let possibleDuplicate: PossibleDuplicate | null = null
      if (input.check_duplicates) {
        const [existing] = await service.findOverlappingGroups({ name_key: nameKey, postcodes })
        if (existing && input.on_duplicate === "report") {
          possibleDuplicate = { id: existing.id, name: existing.name, slug: existing.slug, status: existing.status }
        } else if (existing) {
          const shared = postcodes.filter((pc) => existing.postcodes.includes(pc))
          throw duplicateGroupError(
            `Er is al een buurtpreventiegroep "${existing.name}" aangemeld voor ${postcodesLabel(shared)}. ` +
              "Zoek die groep op de kaart, of kies een naam die je groep duidelijk onderscheidt."
          )
        }
      }

      const slug = await service.nextFreeSlug(group.slug ?? baseSlug(group.name, group.woonplaats), [...usedSlugs])
      usedSlugs.add(slug)
      const status = group.status ?? "pending"
      prepared.push({
        name: group.name.trim(),
        slug,
        name_key: nameKey,
        search_text: groupSearchText({ name: group.name, woonplaats: group.woonplaats, gemeente, postcodes }),
        gemeente,
        gemeente_code: gemeenteCode,
        gemeente_slug: gemeenteSlug,
        woonplaats: group.woonplaats.trim(),
        postcodes,
        lat,
        lng,
        member_count: group.member_count,
        admin_name: group.admin_name.trim(),
        admin_email: group.admin_email.trim(),
        admin_phone: group.admin_phone.trim(),
        accepted_rules: group.accepted_rules,
        accepted_rules_at: group.accepted_rules ? now : null,
        status,
        approved_at: status === "approved" ? now : null,
        metadata: group.metadata ?? null,
        possible_duplicate_of: possibleDuplicate,
      })
    }
    return new StepResponse(prepared)
  }
)

type Location = {
  gemeente: string
  gemeente_code: string
  gemeente_slug: string
  lat: number | null
  lng: number | null
}

/**
 * Municipality and centre of a group's PC4s. The municipality is the one most of
 * them belong to, or the one the registrant named when it is among them.
 */
export async function locateInReferenceData(
  service: NeighbourhoodGroupModuleService,
  postcodes: string[],
  gemeente: string | null,
  requireKnown: boolean
): Promise<Location | null> {
  const areas = await service.listPostcodeAreas({ pc4: postcodes })
  const known = new Set(areas.map((a) => a.pc4))
  const unknown = postcodes.filter((pc) => !known.has(pc))
  if (unknown.length && requireKnown) {
    throw groupFieldError(
      "postcodes",
      unknown.length === 1
        ? `Postcode ${unknown[0]} kennen we niet. Controleer de vier cijfers van je postcode.`
        : `De postcodes ${unknown.join(", ")} kennen we niet. Controleer de vier cijfers van je postcodes.`
    )
  }
  if (!areas.length) return null

  const votes = new Map<string, { name: string; count: number }>()
  for (const area of areas) {
    const vote = votes.get(area.municipality_code) ?? { name: area.municipality, count: 0 }
    vote.count++
    votes.set(area.municipality_code, vote)
  }
  const named = gemeente ? [...votes.entries()].find(([, v]) => normaliseText(v.name) === normaliseText(gemeente)) : undefined
  const [code, { name }] = named ?? [...votes.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0]

  // One centre per PC4 (a PC4 spanning places has a row per place), then their mean.
  const byPc4 = new Map<string, { lat: number; lng: number }[]>()
  for (const area of areas) byPc4.set(area.pc4, [...(byPc4.get(area.pc4) ?? []), { lat: area.lat, lng: area.lng }])
  const centre = centreOf([...byPc4.values()].map((points) => centreOf(points)!))

  return {
    gemeente: name,
    gemeente_code: code,
    gemeente_slug: await municipalitySlug(service, name, code),
    lat: centre?.lat ?? null,
    lng: centre?.lng ?? null,
  }
}

/** The municipality's slug in the reference data (it may carry a suffix when names clash), else the name's slug. */
async function municipalitySlug(
  service: NeighbourhoodGroupModuleService,
  name: string,
  code: string | null
): Promise<string> {
  if (code) {
    const [municipality] = await service.listMunicipalities({ code, retired_at: null }, { take: 1 })
    if (municipality) return municipality.slug
  }
  return slugify(name)
}

/** "Buurtpreventie Lindenlaan e.o." in Utrecht → "buurtpreventie-lindenlaan-e-o-utrecht" (≤ 80 characters). */
export function baseSlug(name: string, woonplaats: string): string {
  const nameSlug = slugify(name)
  const placeSlug = slugify(woonplaats)
  const slug = !placeSlug || `-${nameSlug}-`.includes(`-${placeSlug}-`) ? nameSlug : `${nameSlug}-${placeSlug}`
  return (slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, "") : slug) || "groep"
}
