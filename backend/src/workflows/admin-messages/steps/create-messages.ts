import crypto from "node:crypto"
import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ADMIN_MESSAGE_MODULE } from "../../../modules/admin-message"
import type { AdminMessageKind } from "../../../modules/admin-message/models/admin-message"
import type AdminMessageModuleService from "../../../modules/admin-message/service"

export type NewAdminMessage = {
  kind: AdminMessageKind
  from_group_id: string
  to_group_id: string
  sender_first_name: string
  body: string
  /** the thread this message continues; unset: it starts one (a warning's rows share the first row's id) */
  thread_id?: string | null
  reply_to_id?: string | null
}

export type StoredAdminMessage = Required<NewAdminMessage> & { id: string; report_token: string; created_at: Date }

export const createAdminMessagesStepId = "create-admin-messages"

/**
 * Stores the messages with their ids, thread and a random report token (256 bits, the
 * capability in the "Melden" link). Compensation deletes them: a message whose mail did not
 * go out was never sent.
 */
export const createAdminMessagesStep = createStep(
  createAdminMessagesStepId,
  async (messages: NewAdminMessage[], { container }) => {
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    const ids = messages.map(() => generateEntityId(undefined, "admmsg"))
    const created = await service.createAdminMessages(
      messages.map((m, i) => ({
        ...m,
        id: ids[i],
        thread_id: m.thread_id ?? ids[0],
        reply_to_id: m.reply_to_id ?? null,
        report_token: crypto.randomBytes(32).toString("base64url"),
      }))
    )
    return new StepResponse(created as unknown as StoredAdminMessage[], ids)
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) return
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    await service.deleteAdminMessages(ids)
  }
)
