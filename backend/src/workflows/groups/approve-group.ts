import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { ensureGroupAdminAccountStep } from "../my-group/steps/ensure-group-admin-account"
import { checkGroupVersionStep, groupLockKey } from "./steps/group-version"
import { setGroupStatusStep } from "./steps/set-group-status"

export const approveGroupWorkflowId = "approve-neighbourhood-group"

/**
 * Staff approve a group as they saw it (`seen_updated_at`, see checkGroupVersionStep): it
 * appears in the directory, its admin gets a customer account linked to the group ("Mijn
 * groep") and e-mails (src/subscribers/group-approved.ts): the approval, and how to set a
 * password or sign in.
 */
export const approveGroupWorkflow = createWorkflow(approveGroupWorkflowId, (input: { id: string; seen_updated_at?: string | null }) => {
  const key = transform({ input }, ({ input }) => groupLockKey(input.id))
  acquireLockStep({ key, timeout: 10, ttl: 60 })
  checkGroupVersionStep({ id: input.id, seen_updated_at: input.seen_updated_at })
  const group = setGroupStatusStep({ id: input.id, action: "approve" })
  ensureGroupAdminAccountStep({ group_id: input.id })
  releaseLockStep({ key })
  emitEventStep({ eventName: GroupEvents.APPROVED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
