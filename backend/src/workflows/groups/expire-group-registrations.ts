import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteExpiredGroupRegistrationsStep } from "./steps/group-registrations"

export const expireGroupRegistrationsWorkflowId = "expire-group-registrations"

/** Deletes registrations whose confirmation link expired (src/jobs/expire-group-registrations.ts). */
export const expireGroupRegistrationsWorkflow = createWorkflow(expireGroupRegistrationsWorkflowId, () => {
  return new WorkflowResponse(deleteExpiredGroupRegistrationsStep({}))
})
