/**
 * Changes to an approved group's name or location go back to moderation: the admin's
 * edit waits in `pending_changes` while the public listing (and its search text) stays
 * as staff approved it. Staff see each field old → new and approve (the edit is applied
 * like a staff edit) or reject it (the edit is dropped).
 *
 * Fields under review: name, woonplaats, postcodes and the point (and through them the
 * gemeente). The member count applies at once: it changes often, says nothing about
 * which neighbourhood a group is, and cannot carry a link or a misleading name.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { uniquePc4s } from "../../../modules/neighbourhood-group/utils/postcode"
import { prepareGroupUpdate, type GroupEdit, type PossibleDuplicate } from "./prepare-group-update"
import type { GroupUpdate } from "./update-group"

/** Fields of an approved group that change only after staff review. */
export const REVIEWED_FIELDS = ["name", "woonplaats", "postcodes", "lat", "lng"] as const
/** Fields staff see old → new (the gemeente follows the postcodes). */
export const PREVIEW_FIELDS = ["name", "woonplaats", "gemeente", "postcodes", "lat", "lng"] as const

export type ReviewedEdit = Partial<{ name: string; woonplaats: string; postcodes: string[]; lat: number | null; lng: number | null }>
export type FieldChange = { field: (typeof PREVIEW_FIELDS)[number]; from: unknown; to: unknown }

/** What `neighbourhood_group.pending_changes` holds. */
export type PendingGroupChanges = {
  /** the admin's edit, applied (and re-checked) when staff approve */
  edit: ReviewedEdit
  /** what the public listing would show differently, for staff */
  changes: FieldChange[]
  requested_at: string
  /** another group the renamed listing would duplicate (never shown to the admin) */
  possible_duplicate_of: PossibleDuplicate | null
}

/** float4 keeps about 7 significant digits: points closer than 1e-5 degrees (about 1 m) are the same. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-5
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join(",") === [...b].sort().join(",")
  return (a ?? null) === (b ?? null)
}

/** The fields of a prepared update that differ from the group as it is. */
export function listChanges(existing: Record<string, unknown>, update: GroupUpdate): FieldChange[] {
  return PREVIEW_FIELDS.filter((field) => field in update && !sameValue(existing[field], update[field])).map((field) => ({
    field,
    from: existing[field] ?? null,
    to: update[field] ?? null,
  }))
}

/**
 * Splits an admin's edit: for an approved group the reviewed fields wait for staff and
 * only the rest applies now; a group that is not public yet (pending, rejected) changes
 * at once, since staff review it as a whole anyway.
 */
export function splitGroupEdit(status: string, update: GroupEdit): { immediate: GroupEdit; reviewed: ReviewedEdit | null } {
  if (status !== "approved") return { immediate: update, reviewed: null }
  const immediate: GroupEdit = {}
  const reviewed: ReviewedEdit = {}
  for (const [field, value] of Object.entries(update)) {
    if (value === undefined) continue
    if ((REVIEWED_FIELDS as readonly string[]).includes(field)) (reviewed as Record<string, unknown>)[field] = value
    else (immediate as Record<string, unknown>)[field] = value
  }
  return { immediate, reviewed: Object.keys(reviewed).length ? reviewed : null }
}

const service = (container: { resolve: (key: string) => unknown }) =>
  container.resolve(NEIGHBOURHOOD_GROUP_MODULE) as NeighbourhoodGroupModuleService

type PendingState = { id: string; pending_changes: PendingGroupChanges | null; changes_requested_at: Date | null }

async function pendingState(groups: NeighbourhoodGroupModuleService, id: string): Promise<PendingState> {
  const group = await groups.retrieveNeighbourhoodGroup(id, { select: ["id", "pending_changes", "changes_requested_at"] })
  return {
    id,
    pending_changes: (group.pending_changes as unknown as PendingGroupChanges | null) ?? null,
    changes_requested_at: group.changes_requested_at ? new Date(group.changes_requested_at as unknown as string) : null,
  }
}

async function restorePendingState(groups: NeighbourhoodGroupModuleService, previous: PendingState): Promise<void> {
  await groups.updateNeighbourhoodGroups({
    id: previous.id,
    pending_changes: previous.pending_changes as unknown as Record<string, unknown> | null,
    changes_requested_at: previous.changes_requested_at,
  })
}

export const splitMyGroupEditStepId = "split-my-neighbourhood-group-edit"

/** Which part of an admin's edit applies now and which waits for review (reads only). */
export const splitMyGroupEditStep = createStep(
  splitMyGroupEditStepId,
  async (input: { id: string; update: GroupEdit }, { container }) => {
    const group = await service(container).retrieveNeighbourhoodGroup(input.id, { select: ["id", "status"] })
    return new StepResponse(splitGroupEdit(group.status, input.update))
  }
)

export const requestGroupChangesStepId = "request-neighbourhood-group-changes"

/**
 * Stores the reviewed part of an admin's edit as the group's pending change, merged over
 * an earlier one (so "name now, point later" keeps both). It is checked now like an
 * applied edit (unknown postcodes fail at once), and fields that equal the live listing
 * are no change: submitting the current values withdraws the request. Compensation puts
 * the previous pending change back.
 */
export const requestGroupChangesStep = createStep(
  requestGroupChangesStepId,
  async (input: { id: string; edit: ReviewedEdit | null }, { container }) => {
    if (!input.edit) return new StepResponse(null)
    const groups = service(container)
    const previous = await pendingState(groups, input.id)
    const edit: ReviewedEdit = { ...(previous.pending_changes?.edit ?? {}), ...input.edit }
    if (edit.postcodes) edit.postcodes = uniquePc4s(edit.postcodes)

    const existing = await groups.retrieveNeighbourhoodGroup(input.id)
    const { update, duplicate } = await prepareGroupUpdate(groups, { id: input.id, update: edit, duplicates: "report" })
    const changes = listChanges(existing as unknown as Record<string, unknown>, update)

    const pending: PendingGroupChanges | null = changes.length
      ? { edit, changes, requested_at: new Date().toISOString(), possible_duplicate_of: duplicate }
      : null
    await groups.updateNeighbourhoodGroups({
      id: input.id,
      pending_changes: pending as unknown as Record<string, unknown> | null,
      changes_requested_at: pending ? new Date(pending.requested_at) : null,
    })
    return new StepResponse(pending, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await restorePendingState(service(container), previous)
  }
)

export const retrievePendingChangesStepId = "retrieve-neighbourhood-group-pending-changes"

/** The group's pending change; refuses when none waits (reads only). */
export const retrievePendingChangesStep = createStep(
  retrievePendingChangesStepId,
  async (input: { id: string }, { container }) => {
    const { pending_changes } = await pendingState(service(container), input.id)
    if (!pending_changes) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Voor deze groep wacht geen wijziging op beoordeling.")
    }
    return new StepResponse(pending_changes)
  }
)

export const clearPendingChangesStepId = "clear-neighbourhood-group-pending-changes"

/** Drops the group's pending change (applied or rejected); compensation puts it back. */
export const clearPendingChangesStep = createStep(
  clearPendingChangesStepId,
  async (input: { id: string }, { container }) => {
    const groups = service(container)
    const previous = await pendingState(groups, input.id)
    await groups.updateNeighbourhoodGroups({ id: input.id, pending_changes: null, changes_requested_at: null })
    return new StepResponse(previous.pending_changes, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await restorePendingState(service(container), previous)
  }
)
