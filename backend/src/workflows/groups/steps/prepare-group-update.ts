import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { uniquePc4s } from "../../../modules/neighbourhood-group/utils/postcode"
import { groupNameKey, groupSearchText, slugify } from "../../../modules/neighbourhood-group/utils/text"
import { duplicateGroupError, groupFieldError } from "../errors"
import { locateInReferenceData } from "./prepare-groups"
import type { GroupUpdate } from "./update-group"

/** What staff may edit. */
export type GroupEdit = Partial<{
  name: string
  slug: string
  woonplaats: string
  gemeente: string
  gemeente_code: string | null
  postcodes: string[]
  lat: number | null
  lng: number | null
  member_count: number
  admin_name: string
  admin_email: string
  admin_phone: string
}>

/** A group that a change would duplicate (same name key, overlapping PC4s), as staff see it. */
export type PossibleDuplicate = { id: string; name: string; slug: string; status: string }

export type PrepareGroupUpdateInput = {
  id: string
  update: GroupEdit
  /**
   * What a rename that duplicates another group does: "refuse" (staff edits: a 409 that names
   * the other group, staff may see it) or "report" (group admins: never tell them whether, or
   * which, other group exists; the duplicate is returned for staff to see instead).
   */
  duplicates?: "refuse" | "report"
}

export type PreparedGroupUpdate = { update: GroupUpdate; duplicate: PossibleDuplicate | null }

/**
 * Turns an edit into the full update: new postcodes bring their municipality
 * and centre from the reference data (unless given), the search text and name key
 * follow, a new slug must be free, and a rename must not create a duplicate.
 */
export async function prepareGroupUpdate(
  service: NeighbourhoodGroupModuleService,
  { id, update, duplicates = "refuse" }: PrepareGroupUpdateInput
): Promise<PreparedGroupUpdate> {
  const existing = await service.retrieveNeighbourhoodGroup(id)
  const result: GroupUpdate = { id }
  const set = (field: string, value: unknown) => {
    if (value !== undefined) result[field] = value
  }
  for (const [field, value] of Object.entries(update)) {
    set(field, typeof value === "string" ? value.trim() : value)
  }

  const postcodes = update.postcodes ? uniquePc4s(update.postcodes) : (existing.postcodes as string[])
  if (update.postcodes) set("postcodes", postcodes)
  if (update.postcodes && (await service.hasReferenceData())) {
    const location = await locateInReferenceData(service, postcodes, update.gemeente ?? existing.gemeente, true)
    if (location && update.gemeente === undefined) {
      set("gemeente", location.gemeente)
      set("gemeente_code", location.gemeente_code)
      set("gemeente_slug", location.gemeente_slug)
    }
    if (location && update.lat === undefined && update.lng === undefined) {
      set("lat", location.lat)
      set("lng", location.lng)
    }
  }
  if (update.gemeente !== undefined && result.gemeente_slug === undefined) {
    const [municipality] = await service.listMunicipalities({ slug: slugify(update.gemeente), retired_at: null }, { take: 1 })
    set("gemeente_slug", municipality?.slug ?? slugify(update.gemeente))
    if (update.gemeente_code === undefined) set("gemeente_code", municipality?.code ?? null)
  }

  const merged = { ...existing, ...result } as typeof existing
  if (["name", "woonplaats", "gemeente", "postcodes"].some((f) => f in result)) {
    set("search_text", groupSearchText(merged as any))
  }
  if ("name" in result) set("name_key", groupNameKey(merged.name))
  let duplicate: PossibleDuplicate | null = null
  if (("name" in result || "postcodes" in result) && ["pending", "approved"].includes(existing.status)) {
    const [found] = await service.findOverlappingGroups({
      name_key: groupNameKey(merged.name),
      postcodes: merged.postcodes as string[],
      exclude_id: id,
    })
    if (found && duplicates === "refuse") {
      throw duplicateGroupError(`Er is al een groep "${found.name}" (${found.slug}) met deze naam voor dezelfde postcodes.`)
    }
    if (found) duplicate = { id: found.id, name: found.name, slug: found.slug, status: found.status }
  }
  if (update.slug !== undefined && update.slug !== existing.slug) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(update.slug)) {
      throw groupFieldError("slug", "Een slug bestaat uit kleine letters, cijfers en streepjes")
    }
    if ((await service.nextFreeSlug(update.slug)) !== update.slug) {
      throw groupFieldError("slug", `De slug "${update.slug}" is al in gebruik`)
    }
  }
  return { update: result, duplicate }
}

export const prepareGroupUpdateStepId = "prepare-neighbourhood-group-update"

/** prepareGroupUpdate as a step (staff edits); reads only, so there is nothing to compensate. */
export const prepareGroupUpdateStep = createStep(
  prepareGroupUpdateStepId,
  async (input: PrepareGroupUpdateInput, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const { update } = await prepareGroupUpdate(service, input)
    return new StepResponse(update)
  }
)
