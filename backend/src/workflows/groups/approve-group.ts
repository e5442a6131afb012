import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { ensureGroupAdminAccountStep } from "../my-group/steps/ensure-group-admin-account"
import { setGroupStatusStep } from "./steps/set-group-status"

export const approveGroupWorkflowId = "approve-neighbourhood-group"

/**
 * Staff approve a group: it appears in the directory, its admin gets a customer
 * account linked to the group ("Mijn groep") and e-mails (src/subscribers/group-approved.ts):
 * the approval, and how to set a password or sign in.
 */
export const approveGroupWorkflow = createWorkflow(approveGroupWorkflowId, (input: { id: string }) => {
  const group = setGroupStatusStep({ id: input.id, action: "approve" })
  ensureGroupAdminAccountStep({ group_id: input.id })
  emitEventStep({ eventName: GroupEvents.APPROVED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
