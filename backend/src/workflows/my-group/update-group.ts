import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../modules/neighbourhood-group"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import type NeighbourhoodGroupModuleService from "../../modules/neighbourhood-group/service"
import { groupLockKey } from "../groups/steps/group-version"
import { requestGroupChangesStep, splitMyGroupEditStep } from "../groups/steps/group-changes"
import { prepareGroupUpdate, type GroupEdit } from "../groups/steps/prepare-group-update"
import { updateGroupStep } from "../groups/steps/update-group"
import { assertOwnGroupStep } from "./steps/own-groups"

/** What a group's admin may change on "Mijn groep" (contact data and moderation stay with staff). */
export type MyGroupEdit = Partial<{
  name: string
  woonplaats: string
  postcodes: string[]
  member_count: number
  lat: number
  lng: number
}>

export type UpdateMyGroupWorkflowInput = { customer_id: string; id: string; update: MyGroupEdit }

export const updateMyGroupWorkflowId = "update-my-neighbourhood-group"

export const prepareMyGroupUpdateStepId = "prepare-my-neighbourhood-group-update"

/**
 * Like staff edits (derived search text, municipality and point follow), except that a
 * duplicate is never refused with the other group's name: the admin must not learn which
 * groups exist, so the possible duplicate is recorded for staff instead. Reads only.
 */
const prepareMyGroupUpdateStep = createStep(
  prepareMyGroupUpdateStepId,
  async (input: { id: string; update: GroupEdit }, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const { update, duplicate } = await prepareGroupUpdate(service, { ...input, duplicates: "report" })
    // a new name or area is checked again: marked when it duplicates a group, unmarked when it no longer does
    if ("name" in update || "postcodes" in update) update.possible_duplicate_of = duplicate
    return new StepResponse(update)
  }
)

/**
 * A group's admin edits the listing, after a check that the signed-in customer manages
 * this group. For an approved group, a new name or location waits for staff as a pending
 * change (src/workflows/groups/steps/group-changes.ts) and the public listing stays as it
 * is; the member count applies at once. A group that is not public yet changes at once.
 */
export const updateMyGroupWorkflow = createWorkflow(updateMyGroupWorkflowId, (input: UpdateMyGroupWorkflowInput) => {
  assertOwnGroupStep({ customer_id: input.customer_id, group_id: input.id })
  // one writer per group: staff's version check and their decision see the same group
  const key = transform({ input }, ({ input }) => groupLockKey(input.id))
  acquireLockStep({ key, timeout: 10, ttl: 60 })
  const split = splitMyGroupEditStep({ id: input.id, update: input.update })
  const update = prepareMyGroupUpdateStep(
    transform({ input, split }, ({ input, split }) => ({ id: input.id, update: split.immediate }))
  )
  const group = updateGroupStep(update)
  requestGroupChangesStep(transform({ input, split }, ({ input, split }) => ({ id: input.id, edit: split.reviewed })))
  releaseLockStep({ key })
  emitEventStep({ eventName: GroupEvents.UPDATED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
