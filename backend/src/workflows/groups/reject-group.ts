import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { checkGroupVersionStep, groupLockKey } from "./steps/group-version"
import { setGroupStatusStep } from "./steps/set-group-status"

export const rejectGroupWorkflowId = "reject-neighbourhood-group"

/**
 * Staff reject a group as they saw it (`seen_updated_at`) with a reason, which is e-mailed
 * to its admin (src/subscribers/group-rejected.ts).
 */
export const rejectGroupWorkflow = createWorkflow(
  rejectGroupWorkflowId,
  (input: { id: string; reason: string; seen_updated_at?: string | null }) => {
    const key = transform({ input }, ({ input }) => groupLockKey(input.id))
    acquireLockStep({ key, timeout: 10, ttl: 60 })
    checkGroupVersionStep({ id: input.id, seen_updated_at: input.seen_updated_at })
    const group = setGroupStatusStep({ id: input.id, action: "reject", reason: input.reason })
    releaseLockStep({ key })
    emitEventStep({ eventName: GroupEvents.REJECTED, data: { id: input.id } })
    return new WorkflowResponse(group)
  }
)
