import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { clearPendingChangesStep, retrievePendingChangesStep } from "./steps/group-changes"

export const rejectGroupChangesWorkflowId = "reject-neighbourhood-group-changes"

/**
 * Staff reject a group admin's pending change: it is dropped and the listing stays as it
 * is. The admin gets a short e-mail with the reason, if staff gave one
 * (src/subscribers/group-changes-rejected.ts).
 */
export const rejectGroupChangesWorkflow = createWorkflow(
  rejectGroupChangesWorkflowId,
  (input: { id: string; reason?: string | null }) => {
    retrievePendingChangesStep({ id: input.id })
    const dropped = clearPendingChangesStep({ id: input.id })
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
