import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { prepareGroupUpdateStep, type GroupEdit } from "./steps/prepare-group-update"
import { updateGroupStep } from "./steps/update-group"

export type UpdateGroupWorkflowInput = { id: string; update: GroupEdit }

export const updateGroupWorkflowId = "update-neighbourhood-group"

/** Staff edit a group: derived fields (search text, municipality, point) follow the change. */
export const updateGroupWorkflow = createWorkflow(updateGroupWorkflowId, (input: UpdateGroupWorkflowInput) => {
  const update = prepareGroupUpdateStep(input)
  const group = updateGroupStep(update)
  emitEventStep({ eventName: GroupEvents.UPDATED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
