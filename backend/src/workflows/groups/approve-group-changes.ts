import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { clearPendingChangesStep, retrievePendingChangesStep } from "./steps/group-changes"
import { prepareGroupUpdateStep } from "./steps/prepare-group-update"
import { updateGroupStep } from "./steps/update-group"

export const approveGroupChangesWorkflowId = "approve-neighbourhood-group-changes"

/**
 * Staff approve a group admin's pending change of name or location: it is prepared again
 * against today's reference data (municipality, point, search text) and applied, and the
 * pending change is dropped. Staff saw a possible duplicate in the review, so it does not
 * stop the approval.
 */
export const approveGroupChangesWorkflow = createWorkflow(approveGroupChangesWorkflowId, (input: { id: string }) => {
  const pending = retrievePendingChangesStep({ id: input.id })
  const update = prepareGroupUpdateStep(
    transform({ input, pending }, ({ input, pending }) => ({ id: input.id, update: pending.edit, duplicates: "report" as const }))
  )
  const group = updateGroupStep(update)
  clearPendingChangesStep({ id: input.id })
  emitEventStep({ eventName: GroupEvents.UPDATED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
