import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { setGroupStatusStep } from "./steps/set-group-status"

export const rejectGroupWorkflowId = "reject-neighbourhood-group"

/** Staff reject a group with a reason, which is e-mailed to its admin (src/subscribers/group-rejected.ts). */
export const rejectGroupWorkflow = createWorkflow(rejectGroupWorkflowId, (input: { id: string; reason: string }) => {
  const group = setGroupStatusStep({ id: input.id, action: "reject", reason: input.reason })
  emitEventStep({ eventName: GroupEvents.REJECTED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
