import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { groupLockKey } from "./steps/group-version"
import { prepareGroupUpdateStep, type GroupEdit } from "./steps/prepare-group-update"
import { updateGroupStep } from "./steps/update-group"

export type UpdateGroupWorkflowInput = { id: string; update: GroupEdit }

export const updateGroupWorkflowId = "update-neighbourhood-group"

/** Staff edit a group: derived fields (search text, municipality, point) follow the change. One writer per group at a time (groupLockKey). */
export const updateGroupWorkflow = createWorkflow(updateGroupWorkflowId, (input: UpdateGroupWorkflowInput) => {
  const key = transform({ input }, ({ input }) => groupLockKey(input.id))
  acquireLockStep({ key, timeout: 10, ttl: 60 })
  const update = prepareGroupUpdateStep(input)
  const group = updateGroupStep(update)
  releaseLockStep({ key })
  emitEventStep({ eventName: GroupEvents.UPDATED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
