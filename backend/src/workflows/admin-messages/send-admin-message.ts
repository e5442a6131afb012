import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { ADMIN_MESSAGE_MODULE } from "../../modules/admin-message"
import type AdminMessageModuleService from "../../modules/admin-message/service"
import { GROUP_MAIL_TEMPLATES } from "../groups/emails"
import { adminMessageMail, adminMessageNotification, mailThread } from "./emails"
import {
  CANNOT_RECEIVE,
  MESSAGE_NOT_FOUND,
  messagingError,
  NOT_NEARBY,
  NOT_TO_OWN_GROUP,
  ONLY_RECEIVER_REPLIES,
} from "./errors"
import { groupsByIds, isNearbyGroup, type MessagingGroup, resolveSender } from "./parties"
import { createAdminMessagesStep, type NewAdminMessage } from "./steps/create-messages"
import { assertMessagingLimitsLeft, consumeMessagingLimitsStep } from "./steps/messaging-limits"

export type SendAdminMessageInput = {
  customer_id: string
  /** the sender's own group (:id) */
  group_id: string
  first_name: string
  message: string
} & ({ to_group_id: string; reply_to_id?: undefined } | { reply_to_id: string; to_group_id?: undefined })

type Prepared = {
  message: NewAdminMessage
  from: MessagingGroup
  to: MessagingGroup
  customer_id: string
  /** a reply's place in its conversation: the ids from the first mail to the answered one, and the answered message's text (quoted below the reply) */
  conversation: { chain: string[]; answered: { body: string } | null }
}

type ThreadRow = { id: string; kind: "message" | "reply" | "warning"; reply_to_id: string | null; body: string }

/** The messages a reply answers, the first one first: followed through `reply_to_id` (a warning's other receivers stay out). */
function replyChain(rows: ThreadRow[], answered: ThreadRow): ThreadRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const chain: ThreadRow[] = []
  for (let row: ThreadRow | undefined = answered; row && chain.length < 50; row = row.reply_to_id ? byId.get(row.reply_to_id) : undefined) chain.unshift(row)
  return chain
}

/**
 * Who may message whom, before anything is counted, stored or sent:
 * - the sender: an approved group of their own, not blocked (parties.resolveSender);
 * - a new message: not to one of their own groups (400); to an approved group (404 otherwise)
 *   near theirs as "Buurgroepen" lists it at its widest (MAX_NEARBY_KM; 403 otherwise)
 *   whose admin switched messaging on (403, the same sentence). A block by staff stops its
 *   admin sending, not receiving;
 * - a reply: only to a message the group received (so also the first sender answering a
 *   reply), back to the group that sent it while that group is approved, whatever its setting:
 *   that group started the thread.
 */
const prepareAdminMessageStep = createStep("prepare-admin-message", async (input: SendAdminMessageInput, { container }) => {
  const sender = await resolveSender(container, input.customer_id, input.group_id)
  // a spent sending budget refuses before the lookups below (counted once the message may go)
  await assertMessagingLimitsLeft([{ budget: "sender", key: input.customer_id }])
  const base = { from_group_id: sender.group.id, sender_first_name: input.first_name, body: input.message }
  let message: NewAdminMessage
  let chain: ThreadRow[] = []
  if (input.reply_to_id) {
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    const [original] = await service.listAdminMessages({ id: input.reply_to_id })
    if (!original || (original.to_group_id !== input.group_id && original.from_group_id !== input.group_id)) {
      throw messagingError(404, MESSAGE_NOT_FOUND)
    }
    if (original.to_group_id !== input.group_id) throw messagingError(403, ONLY_RECEIVER_REPLIES)
    message = { ...base, kind: "reply", to_group_id: original.from_group_id, thread_id: original.thread_id, reply_to_id: original.id }
    const rows = await service.listAdminMessages({ thread_id: original.thread_id })
    chain = replyChain(rows as unknown as ThreadRow[], original as unknown as ThreadRow)
  } else {
    if (sender.own_group_ids.includes(input.to_group_id!)) throw messagingError(400, NOT_TO_OWN_GROUP, { field: "to_group_id" })
    message = { ...base, kind: "message", to_group_id: input.to_group_id! }
  }
  const to = (await groupsByIds(container, [message.to_group_id])).get(message.to_group_id)
  if (!to || to.status !== "approved" || !to.admin_email) throw messagingError(404, CANNOT_RECEIVE)
  // a first message only to a group "Buurgroepen" lists at its widest: not across the country
  // (judged before the setting, so an admin far away learns nothing of it)
  if (message.kind === "message" && !(await isNearbyGroup(container, sender, to.id))) throw messagingError(403, NOT_NEARBY)
  if (message.kind === "message" && !to.admin_messages_enabled) throw messagingError(403, CANNOT_RECEIVE)
  return new StepResponse<Prepared>({
    message,
    from: sender.group,
    to,
    customer_id: input.customer_id,
    conversation: { chain: chain.map((r) => r.id), answered: chain.length ? { body: chain[chain.length - 1].body } : null },
  })
})

export const sendAdminMessageWorkflowId = "send-admin-message"

/**
 * A group admin's message (or reply) to another group's admin, relayed by e-mail (issue 30):
 * checked, counted on both budgets (sending admin, receiving group), stored, mailed. The
 * mail shows the sending group's name and the sender's first name, with links to reply
 * and to report; no Reply-To, no address. A reply's subject says who answered, it quotes
 * the answered message shortly, and its headers thread it under the mails before it. A failure after counting
 * gives the counts back and deletes the message.
 */
export const sendAdminMessageWorkflow = createWorkflow(sendAdminMessageWorkflowId, (input: SendAdminMessageInput) => {
  const prepared = prepareAdminMessageStep(input)
  consumeMessagingLimitsStep(
    transform({ prepared }, ({ prepared }) => [
      { budget: "sender" as const, key: prepared.customer_id },
      { budget: "receiver" as const, key: prepared.to.id },
    ])
  )
  const created = createAdminMessagesStep(transform({ prepared }, ({ prepared }) => [prepared.message]))
  const stored = transform({ created }, ({ created }) => created[0])
  const notifications = transform({ prepared, stored }, ({ prepared, stored }): CreateNotificationDTO[] => {
    const settings = readShopSettings()
    return [
      adminMessageNotification(
        prepared.to.admin_email!,
        GROUP_MAIL_TEMPLATES.adminMessage,
        adminMessageMail(stored, prepared.from, prepared.to, settings, prepared.conversation.answered),
        stored,
        "sent",
        undefined,
        mailThread(settings, stored.id, prepared.conversation.chain)
      ),
    ]
  })
  sendNotificationsStep(notifications)
  return new WorkflowResponse(transform({ stored }, ({ stored }) => ({ id: stored.id, kind: stored.kind, created_at: stored.created_at })))
})
