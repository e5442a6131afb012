import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import GroupAdminCustomerLink from "../../links/group-admin-customer"
import { ADMIN_MESSAGE_MODULE } from "../../modules/admin-message"
import type AdminMessageModuleService from "../../modules/admin-message/service"
import { GROUP_NOT_FOUND, messagingError } from "./errors"
import { groupsByIds } from "./parties"

export type SetMessagingBlockInput = { group_id: string; blocked: boolean; reason?: string | null; staff_user_id?: string | null }

/**
 * Blocks (or unblocks) the admin of a group: the block names the group and, when the group
 * has an admin account, that account, so it holds for all of the admin's groups. Unblocking
 * removes every block naming either. Compensation restores what was there.
 */
const setMessagingBlockStep = createStep(
  "set-admin-messaging-block",
  async (input: SetMessagingBlockInput, { container }) => {
    if (!(await groupsByIds(container, [input.group_id])).has(input.group_id)) throw messagingError(404, GROUP_NOT_FOUND)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: links } = await query.graph({
      entity: GroupAdminCustomerLink.entryPoint,
      fields: ["customer_id"],
      filters: { neighbourhood_group_id: input.group_id },
    })
    const customerId: string | null = links[0]?.customer_id ?? null
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    const existing = await service.listMessagingBlocks({
      $or: [{ group_id: input.group_id }, ...(customerId ? [{ customer_id: customerId }] : [])],
    })
    if (input.blocked) {
      if (existing.length) return new StepResponse({ blocked: true }, { created: [] as string[], removed: [] as any[] })
      const block = await service.createMessagingBlocks({
        group_id: input.group_id,
        customer_id: customerId,
        reason: input.reason || null,
        created_by: input.staff_user_id ?? null,
      })
      return new StepResponse({ blocked: true }, { created: [block.id], removed: [] as any[] })
    }
    if (existing.length) await service.deleteMessagingBlocks(existing.map((b) => b.id))
    const removed = existing.map(({ group_id, customer_id, reason, created_by }) => ({ group_id, customer_id, reason, created_by }))
    return new StepResponse({ blocked: false }, { created: [] as string[], removed })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    if (undo.created.length) await service.deleteMessagingBlocks(undo.created)
    if (undo.removed.length) await service.createMessagingBlocks(undo.removed)
  }
)

export const setMessagingBlockWorkflowId = "set-admin-messaging-block"

/** Staff stop (or allow again) a group's admin messaging other admins (issue 30). */
export const setMessagingBlockWorkflow = createWorkflow(setMessagingBlockWorkflowId, (input: SetMessagingBlockInput) => {
  return new WorkflowResponse(setMessagingBlockStep(input))
})
