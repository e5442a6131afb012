import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAreaNoticeStep, type CreateNoticeInput } from "./steps/create-notice"

export const createAreaNoticeWorkflowId = "create-area-notice"

/**
 * Staff (or a wijkagent) write a notice. Delivery is a separate workflow that the
 * caller runs right after (src/api/admin/notices/route.ts), so a mail problem never
 * undoes the notice: the job retries the mails.
 */
export const createAreaNoticeWorkflow = createWorkflow(createAreaNoticeWorkflowId, (input: CreateNoticeInput) => {
  return new WorkflowResponse(createAreaNoticeStep(input))
})
