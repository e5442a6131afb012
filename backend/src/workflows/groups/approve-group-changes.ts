import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { checkGroupVersionStep, groupLockKey } from "./steps/group-version"
import { clearPendingChangesStep, retrievePendingChangesStep } from "./steps/group-changes"
import { prepareGroupUpdateStep } from "./steps/prepare-group-update"
import { updateGroupStep } from "./steps/update-group"

export const approveGroupChangesWorkflowId = "approve-neighbourhood-group-changes"

/**
 * Staff approve a group admin's pending change of name or location: it is prepared again
 * against today's reference data (municipality, point, search text) and applied, and the
 * pending change is dropped. Staff saw a possible duplicate in the review, so it does not
 * stop the approval. Staff approve the change they saw (`seen_updated_at`): a change the
 * admin made after staff opened the page is refused with a 409 (checkGroupVersionStep).
 */
export const approveGroupChangesWorkflow = createWorkflow(
  approveGroupChangesWorkflowId,
  (input: { id: string; seen_updated_at?: string | null }) => {
  const key = transform({ input }, ({ input }) => groupLockKey(input.id))
  acquireLockStep({ key, timeout: 10, ttl: 60 })
  checkGroupVersionStep({ id: input.id, seen_updated_at: input.seen_updated_at })
  const pending = retrievePendingChangesStep({ id: input.id })
  const update = prepareGroupUpdateStep(
    transform({ input, pending }, ({ input, pending }) => ({ id: input.id, update: pending.edit, duplicates: "report" as const }))
  )
  const group = updateGroupStep(update)
  clearPendingChangesStep({ id: input.id })
  releaseLockStep({ key })
  emitEventStep({ eventName: GroupEvents.UPDATED, data: { id: input.id } })
  return new WorkflowResponse(group)
  }
)
