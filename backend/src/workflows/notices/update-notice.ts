import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAreaNoticeStep, type UpdateNoticeInput } from "./steps/update-notice"

export const updateAreaNoticeWorkflowId = "update-area-notice"

/** Edits a notice; groups that a wider area now reaches get it from the next delivery. */
export const updateAreaNoticeWorkflow = createWorkflow(updateAreaNoticeWorkflowId, (input: UpdateNoticeInput) => {
  return new WorkflowResponse(updateAreaNoticeStep(input))
})
