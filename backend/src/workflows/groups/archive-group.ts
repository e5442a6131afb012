import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { setGroupStatusStep } from "./steps/set-group-status"

export const archiveGroupWorkflowId = "archive-neighbourhood-group"

/** Staff archive a group (stopped, merged, …): it disappears from the directory; approving restores it. */
export const archiveGroupWorkflow = createWorkflow(archiveGroupWorkflowId, (input: { id: string }) => {
  const group = setGroupStatusStep({ id: input.id, action: "archive" })
  emitEventStep({ eventName: GroupEvents.ARCHIVED, data: { id: input.id } })
  return new WorkflowResponse(group)
})
