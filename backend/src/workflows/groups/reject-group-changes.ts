import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { checkGroupVersionStep, groupLockKey } from "./steps/group-version"
import { clearPendingChangesStep, retrievePendingChangesStep } from "./steps/group-changes"

export const rejectGroupChangesWorkflowId = "reject-neighbourhood-group-changes"

/**
 * Staff reject a group admin's pending change: it is dropped and the listing stays as it
 * is. The admin gets a short e-mail with the reason, if staff gave one
 * (src/subscribers/group-changes-rejected.ts). Staff reject the change they saw (`seen_updated_at`).
 */
export const rejectGroupChangesWorkflow = createWorkflow(
  rejectGroupChangesWorkflowId,
  (input: { id: string; reason?: string | null; seen_updated_at?: string | null }) => {
    const key = transform({ input }, ({ input }) => groupLockKey(input.id))
    acquireLockStep({ key, timeout: 10, ttl: 60 })
    checkGroupVersionStep({ id: input.id, seen_updated_at: input.seen_updated_at })
    retrievePendingChangesStep({ id: input.id })
    const dropped = clearPendingChangesStep({ id: input.id })
    releaseLockStep({ key })
    emitEventStep({
      eventName: GroupEvents.CHANGES_REJECTED,
      data: transform({ input, dropped }, ({ input, dropped }) => ({
        id: input.id,
        reason: input.reason?.trim() || null,
        requested_at: dropped?.requested_at ?? null,
      })),
    })
    return new WorkflowResponse(dropped)
  }
)
