import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { prepareGroupUpdateStep } from "../groups/steps/prepare-group-update"
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

/**
 * A group's admin edits the listing. The same steps as staff edits (derived search
 * text, municipality and point follow; duplicates refused), after checking that the
 * signed-in customer manages this group.
 */
export const updateMyGroupWorkflow = createWorkflow(updateMyGroupWorkflowId, (input: UpdateMyGroupWorkflowInput) => {
  assertOwnGroupStep({ customer_id: input.customer_id, group_id: input.id })
  const update = prepareGroupUpdateStep({ id: input.id, update: input.update })
  const group = updateGroupStep(update)
  emitEventStep({ eventName: GroupEvents.UPDATED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
