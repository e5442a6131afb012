import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../modules/neighbourhood-group/service"
import { ownGroupIds } from "../my-group/steps/own-groups"
import { GROUP_NOT_FOUND, messagingError, ONLY_APPROVED_RECEIVES } from "./errors"
import { groupsByIds } from "./parties"

export type SetGroupMessagingInput = { customer_id: string; group_id: string; enabled: boolean }

/**
 * The admin's own group; switching on only for an approved group (only those can be
 * messaged). Switching off is always allowed: saying no to messages needs no approval.
 */
const checkMessagingSettingStep = createStep("check-group-admin-messaging-setting", async (input: SetGroupMessagingInput, { container }) => {
  const own = await ownGroupIds(container, input.customer_id)
  const group = own.includes(input.group_id) ? (await groupsByIds(container, [input.group_id])).get(input.group_id) : undefined
  if (!group) throw messagingError(404, GROUP_NOT_FOUND)
  if (input.enabled && group.status !== "approved") throw messagingError(403, ONLY_APPROVED_RECEIVES)
  return new StepResponse(group.id)
})

/** Sets the setting; compensation puts the previous value back. */
const setMessagingStep = createStep(
  "set-group-admin-messaging",
  async (input: { group_id: string; enabled: boolean }, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const previous = await service.setAdminMessagesEnabled(input.group_id, input.enabled)
    return new StepResponse({ admin_messages_enabled: input.enabled }, { group_id: input.group_id, previous })
  },
  async (undo, { container }) => {
    if (!undo || undo.previous === null) return
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    await service.setAdminMessagesEnabled(undo.group_id, undo.previous)
  }
)

export const setGroupMessagingWorkflowId = "set-group-admin-messaging"

/** "Andere beheerders mogen mij een bericht sturen" on "Mijn groep": applies at once, no staff review. */
export const setGroupMessagingWorkflow = createWorkflow(setGroupMessagingWorkflowId, (input: SetGroupMessagingInput) => {
  checkMessagingSettingStep(input)
  return new WorkflowResponse(setMessagingStep({ group_id: input.group_id, enabled: input.enabled }))
})
