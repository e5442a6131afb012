import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { setGroupStatusStep } from "./steps/set-group-status"

export const approveGroupWorkflowId = "approve-neighbourhood-group"

/** Staff approve a group: it appears in the directory and its admin gets an e-mail (src/subscribers/group-approved.ts). */
export const approveGroupWorkflow = createWorkflow(approveGroupWorkflowId, (input: { id: string }) => {
  const group = setGroupStatusStep({ id: input.id, action: "approve" })
  emitEventStep({ eventName: GroupEvents.APPROVED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
