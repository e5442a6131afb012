import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ADMIN_MESSAGE_MODULE } from "../../../modules/admin-message"
import type AdminMessageModuleService from "../../../modules/admin-message/service"

export const eraseAdminMessagingStepId = "erase-group-admin-messaging"

/**
 * Erasure (issue 30): every message the admin's groups sent or received, the reports on them
 * and staff's blocks of the groups or the account go for good; a reply or report link to
 * them then answers 404. Returns the messages' ids, whose mail records go next. Runs at the
 * end of the removal workflow with the mail records, and like them has no compensation: a
 * deleted message cannot be put back.
 */
export const eraseAdminMessagingStep = createStep(
  eraseAdminMessagingStepId,
  async (input: { group_ids: string[]; customer_id: string }, { container }) => {
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    const { message_ids } = await service.eraseGroupsMessaging({ group_ids: input.group_ids, customer_ids: [input.customer_id] })
    return new StepResponse({ message_ids })
  }
)
