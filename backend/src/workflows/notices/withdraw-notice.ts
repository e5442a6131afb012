import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { withdrawAreaNoticeStep } from "./steps/withdraw-notice"

export const withdrawAreaNoticeWorkflowId = "withdraw-area-notice"

/** Withdraws a notice: gone from group pages at once, and no group gets it any more. */
export const withdrawAreaNoticeWorkflow = createWorkflow(withdrawAreaNoticeWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(withdrawAreaNoticeStep(input))
})
