/**
 * What "Berichten" on "Mijn groep" shows (issue 30): the messages a group sent or received,
 * and one thread. Read only; only for the signed-in admin's own group.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ADMIN_MESSAGE_MODULE } from "../../modules/admin-message"
import type AdminMessageModuleService from "../../modules/admin-message/service"
import type { StoredMessage } from "../../modules/admin-message/service"
import { ownGroupIds } from "../my-group/steps/own-groups"
import { GROUP_NOT_FOUND, MESSAGE_NOT_FOUND, messagingError } from "./errors"
import { groupsByIds } from "./parties"

/** The newest this many messages are listed. */
export const HISTORY_LIMIT = 200

/** One stored message, as the module's service reads it. */
export type MessageRow = StoredMessage

/** A group that received a warning, as its sender's history names it (what Buurgroepen showed). */
export type RecipientGroup = { id: string; name: string; slug: string; woonplaats: string }

export type MessageView = {
  id: string
  kind: MessageRow["kind"]
  direction: "sent" | "received"
  /** the group on the other side; null for a warning the group sent (it went to `recipients` groups) */
  other_group: { id: string; name: string; slug: string } | null
  sender_first_name: string
  body: string
  thread_id: string
  reply_to_id: string | null
  created_at: string
  /** a warning the group sent: how many groups it went to */
  recipients?: number
  /** a warning the group sent: those groups by name, with their place (only ever in the sender's own answers) */
  recipient_groups?: RecipientGroup[]
}

type GroupInfo = { id: string; name: string; slug: string; woonplaats?: string | null }

const byName = new Intl.Collator("nl", { sensitivity: "base", numeric: true })

/**
 * Rows as `groupId` sees them, in the given order. A warning the group sent is one row per
 * receiving group: it is shown once (as its first row, whose id is the thread's) with the
 * number of groups it went to and those groups by name (`recipients`: the receiving group ids
 * per warning thread, from warningRecipients), ordered by name.
 */
export function toMessageViews(
  rows: MessageRow[],
  groupId: string,
  groups: Map<string, GroupInfo>,
  recipients: Map<string, string[]>
): MessageView[] {
  const views: MessageView[] = []
  const warningsShown = new Set<string>()
  for (const row of rows) {
    const direction = row.from_group_id === groupId ? "sent" : "received"
    const common = {
      kind: row.kind,
      direction,
      sender_first_name: row.sender_first_name,
      body: row.body,
      thread_id: row.thread_id,
      reply_to_id: row.reply_to_id ?? null,
      created_at: new Date(row.created_at).toISOString(),
    } as const
    if (row.kind === "warning" && direction === "sent") {
      if (warningsShown.has(row.thread_id)) continue
      warningsShown.add(row.thread_id)
      const ids = recipients.get(row.thread_id) ?? [row.to_group_id]
      const named = ids
        .flatMap((id) => {
          const group = groups.get(id)
          return group ? [{ id: group.id, name: group.name, slug: group.slug, woonplaats: group.woonplaats ?? "" }] : []
        })
        .sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.woonplaats, b.woonplaats))
      views.push({ ...common, id: row.thread_id, other_group: null, recipients: ids.length, recipient_groups: named })
      continue
    }
    const other = groups.get(direction === "sent" ? row.to_group_id : row.from_group_id)
    views.push({ ...common, id: row.id, other_group: other ? { id: other.id, name: other.name, slug: other.slug } : null })
  }
  return views
}

async function assertOwnGroup(container: MedusaContainer, customerId: string, groupId: string) {
  if (!(await ownGroupIds(container, customerId)).includes(groupId)) throw messagingError(404, GROUP_NOT_FOUND)
}

/** The groups and warning recipients `rows` name, read once, to turn rows into views (toMessageViews). */
async function viewContext(container: MedusaContainer, rows: MessageRow[], groupId: string) {
  const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  // only the warnings this group sent: a receiver never learns who else was warned
  const sentWarnings = [...new Set(rows.filter((r) => r.kind === "warning" && r.from_group_id === groupId).map((r) => r.thread_id))]
  const recipients = await service.warningRecipients(sentWarnings)
  const groups = await groupsByIds(container, [...rows.flatMap((r) => [r.from_group_id, r.to_group_id]), ...[...recipients.values()].flat()])
  return { groups, recipients }
}

async function views(container: MedusaContainer, rows: MessageRow[], groupId: string): Promise<MessageView[]> {
  const { groups, recipients } = await viewContext(container, rows, groupId)
  return toMessageViews(rows, groupId, groups, recipients)
}

/** The group's messages, sent and received, newest first. */
export async function listGroupMessages(container: MedusaContainer, input: { customer_id: string; group_id: string }) {
  await assertOwnGroup(container, input.customer_id, input.group_id)
  const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  const rows = await service.listAdminMessages(
    { $or: [{ from_group_id: input.group_id }, { to_group_id: input.group_id }] },
    { order: { created_at: "DESC", id: "DESC" }, take: HISTORY_LIMIT }
  )
  return views(container, rows as unknown as MessageRow[], input.group_id)
}

/**
 * One message and its thread, oldest first, as far as the group is a party: a receiver of a
 * warning sees the warning and the replies between the two groups, never the other
 * receivers' replies. 404 unless the group sent or received the message.
 */
export async function groupMessageThread(container: MedusaContainer, input: { customer_id: string; group_id: string; message_id: string }) {
  await assertOwnGroup(container, input.customer_id, input.group_id)
  const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  const [message] = await service.listAdminMessages({ id: input.message_id })
  if (!message || (message.from_group_id !== input.group_id && message.to_group_id !== input.group_id)) {
    throw messagingError(404, MESSAGE_NOT_FOUND)
  }
  const rows = await service.listAdminMessages(
    { thread_id: message.thread_id, $or: [{ from_group_id: input.group_id }, { to_group_id: input.group_id }] },
    { order: { created_at: "ASC", id: "ASC" } }
  )
  const thread = await views(container, rows as unknown as MessageRow[], input.group_id)
  const [view] = await views(container, [message as unknown as MessageRow], input.group_id)
  return { message: view, thread }
}

/** One conversation in "Berichten": how it started, its newest message, the number of replies. */
export type ConversationView = {
  thread_id: string
  /** how it started: "message" or "warning" */
  kind: MessageRow["kind"]
  /** the group on the other side (null for a warning the group sent: see `first.recipient_groups`) */
  other_group: { id: string; name: string; slug: string } | null
  first: MessageView
  latest: MessageView
  replies: number
  /** the group received something in it, so it may answer (unless staff blocked it) */
  can_reply: boolean
}

/**
 * The group's conversations, newest activity first, one page of them (`limit` from `offset`)
 * and `count`: all of them. Built in SQL (groupConversations), so a conversation started long
 * ago shows how it started however many messages came since.
 */
export async function listGroupConversations(
  container: MedusaContainer,
  input: { customer_id: string; group_id: string; limit: number; offset: number }
): Promise<{ conversations: ConversationView[]; count: number }> {
  await assertOwnGroup(container, input.customer_id, input.group_id)
  const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  const { count, conversations } = await service.groupConversations({ group_id: input.group_id, limit: input.limit, offset: input.offset })
  const firsts = conversations.map((c) => c.first as MessageRow)
  const latests = conversations.map((c) => c.latest as MessageRow)
  const { groups, recipients } = await viewContext(container, [...firsts, ...latests], input.group_id)
  // one view per row: each list holds one row per thread (a sent warning's rows collapse per list)
  const firstViews = toMessageViews(firsts, input.group_id, groups, recipients)
  const latestViews = toMessageViews(latests, input.group_id, groups, recipients)
  return {
    count,
    conversations: conversations.map((c, i) => {
      const first = firstViews[i]!
      const latest = latestViews[i]!
      return {
        thread_id: c.thread_id,
        kind: first.kind,
        other_group: first.other_group ?? latest.other_group,
        first,
        latest,
        replies: c.replies,
        can_reply: c.received,
      }
    }),
  }
}
