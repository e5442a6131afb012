import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { composeGroupAccountMailStep } from "./steps/compose-account-mail"

export const sendGroupAccountMailWorkflowId = "send-group-account-mail"

/** After approval: tells the group's admin how to sign in to "Mijn groep" (set a password first when new). */
export const sendGroupAccountMailWorkflow = createWorkflow(sendGroupAccountMailWorkflowId, (input: { id: string }) => {
  const notifications = composeGroupAccountMailStep(input)
  const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
    sendNotificationsStep(notifications)
  )
  return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
})
