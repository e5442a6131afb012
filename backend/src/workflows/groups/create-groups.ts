import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createGroupsStep } from "./steps/create-groups"
import { prepareGroupsStep, type GroupInput } from "./steps/prepare-groups"

export type CreateGroupsWorkflowInput = {
  groups: GroupInput[]
  /** default true */
  check_duplicates?: boolean
}

export const createGroupsWorkflowId = "create-neighbourhood-groups"

/** Staff and the demo seed add groups (any status); no e-mails. */
export const createGroupsWorkflow = createWorkflow(createGroupsWorkflowId, (input: CreateGroupsWorkflowInput) => {
  const prepared = prepareGroupsStep({
    groups: input.groups,
    check_duplicates: input.check_duplicates ?? true,
    require_known_postcodes: false,
  })
  return new WorkflowResponse(createGroupsStep(prepared))
})
