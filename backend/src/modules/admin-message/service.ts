import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import AdminMessage from "./models/admin-message"
import MessageReport from "./models/message-report"
import MessagingBlock from "./models/messaging-block"
import { pgTextArray } from "../../lib/sql"

type Row = Record<string, any>

/** One row of admin_message as the history reads it. */
export type StoredMessage = {
  id: string
  kind: "message" | "reply" | "warning"
  from_group_id: string
  to_group_id: string
  sender_first_name: string
  body: string
  thread_id: string
  reply_to_id: string | null
  created_at: Date | string
}

/** One conversation as groupConversations finds it: its first and latest row of the group's own. */
export type ConversationRow = { thread_id: string; replies: number; received: boolean; first: StoredMessage; latest: StoredMessage }

/** A group and its admin's account (null when the group has none), as blocks are checked. */
export type GroupAdmin = { group_id: string; customer_id: string | null }

/**
 * Messages between group admins, staff's blocks and receivers' reports. Medusa generates
 * the CRUD methods (createAdminMessages, listMessageReports, …); this class adds the
 * block check, which matches a group or its admin's account, and the erasure, which
 * deletes for good (Medusa's generated delete of a filter would not say what it deleted).
 */
class AdminMessageModuleService extends MedusaService({ AdminMessage, MessagingBlock, MessageReport }) {
  /** The groups among `admins` that are blocked: a block names the group or its admin's account. */
  @InjectManager()
  async blockedGroupIds(admins: GroupAdmin[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Set<string>> {
    if (!admins.length) return new Set()
    const groupIds = admins.map((a) => a.group_id)
    const customerIds = admins.map((a) => a.customer_id).filter((c): c is string => Boolean(c))
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT group_id, customer_id FROM messaging_block
        WHERE deleted_at IS NULL AND (group_id = ANY(?::text[]) OR customer_id = ANY(?::text[]))`,
      [pgTextArray(groupIds), pgTextArray(customerIds)]
    )
    const groups = new Set(rows.map((r) => r.group_id as string))
    const customers = new Set(rows.map((r) => r.customer_id as string | null).filter(Boolean))
    return new Set(admins.filter((a) => groups.has(a.group_id) || (a.customer_id && customers.has(a.customer_id))).map((a) => a.group_id))
  }

  /** Whether a block names one of these groups or accounts. */
  @InjectManager()
  async hasBlock(
    input: { group_ids: string[]; customer_ids: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const [row]: Row[] = await sharedContext.manager!.execute(
      `SELECT EXISTS (SELECT 1 FROM messaging_block WHERE deleted_at IS NULL
          AND (group_id = ANY(?::text[]) OR customer_id = ANY(?::text[]))) AS blocked`,
      [pgTextArray(input.group_ids), pgTextArray(input.customer_ids)]
    )
    return Boolean(row?.blocked)
  }

  /**
   * Adds `line` below a report's reason (the earlier reason kept, a blank line between) and
   * opens it again, in one statement, so two additions at once both stay. The new reason.
   */
  @InjectManager()
  async appendReportReason(
    input: { id: string; line: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string | null> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `UPDATE message_report SET reason = COALESCE(reason || E'\\n\\n', '') || ?, handled_at = NULL, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL RETURNING reason`,
      [input.line, input.id]
    )
    return (rows[0]?.reason as string | undefined) ?? null
  }

  /**
   * The groups each warning (by thread id) went to, one id per receiving row. Only for the
   * sending group's own history (the caller passes the threads of warnings it sent): a
   * receiver never learns who else was warned. A receiving group erased since has no row left.
   */
  @InjectManager()
  async warningRecipients(threadIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Map<string, string[]>> {
    if (!threadIds.length) return new Map()
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT thread_id, array_agg(to_group_id ORDER BY to_group_id) AS groups FROM admin_message
        WHERE kind = 'warning' AND deleted_at IS NULL AND thread_id = ANY(?::text[]) GROUP BY thread_id`,
      [pgTextArray(threadIds)]
    )
    return new Map(rows.map((r) => [r.thread_id as string, r.groups as string[]]))
  }

  /**
   * "Berichten" as conversations (threads), built in SQL from the group's own rows (sent by it
   * or to it; a warning's receiver never sees the other receivers' replies): per thread the
   * first and the latest row, the number of replies and whether the group received something
   * in it (so it may answer), newest activity first (ties: thread id), `limit` from `offset`,
   * and `count`: all of the group's conversations. No message is loaded beyond the page's rows.
   */
  @InjectManager()
  async groupConversations(
    input: { group_id: string; limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ count: number; conversations: ConversationRow[] }> {
    const manager = sharedContext.manager!
    const g = input.group_id
    const [counted]: Row[] = await manager.execute(
      `SELECT count(DISTINCT thread_id)::int AS n FROM admin_message
        WHERE deleted_at IS NULL AND (from_group_id = ? OR to_group_id = ?)`,
      [g, g]
    )
    const count = (counted?.n as number | undefined) ?? 0
    if (!count || input.offset >= count) return { count, conversations: [] }
    const columns = "m.id, m.kind, m.from_group_id, m.to_group_id, m.sender_first_name, m.body, m.thread_id, m.reply_to_id, m.created_at"
    const rows: Row[] = await manager.execute(
      `WITH threads AS (
         SELECT thread_id, max(created_at) AS last_at,
                (count(*) FILTER (WHERE kind = 'reply'))::int AS replies,
                bool_or(to_group_id = ?) AS received
           FROM admin_message
          WHERE deleted_at IS NULL AND (from_group_id = ? OR to_group_id = ?)
          GROUP BY thread_id
          ORDER BY last_at DESC, thread_id DESC
          LIMIT ? OFFSET ?
       )
       SELECT t.thread_id, t.replies, t.received, to_jsonb(f) AS first, to_jsonb(l) AS latest
         FROM threads t
         CROSS JOIN LATERAL (
           SELECT ${columns} FROM admin_message m
            WHERE m.thread_id = t.thread_id AND m.deleted_at IS NULL AND (m.from_group_id = ? OR m.to_group_id = ?)
            ORDER BY m.created_at ASC, m.id ASC LIMIT 1) f
         CROSS JOIN LATERAL (
           SELECT ${columns} FROM admin_message m
            WHERE m.thread_id = t.thread_id AND m.deleted_at IS NULL AND (m.from_group_id = ? OR m.to_group_id = ?)
            ORDER BY m.created_at DESC, m.id DESC LIMIT 1) l
        ORDER BY t.last_at DESC, t.thread_id DESC`,
      [g, g, g, input.limit, input.offset, g, g, g, g]
    )
    return {
      count,
      conversations: rows.map((r) => ({
        thread_id: r.thread_id as string,
        replies: r.replies as number,
        received: Boolean(r.received),
        first: r.first as ConversationRow["first"],
        latest: r.latest as ConversationRow["latest"],
      })),
    }
  }

  /**
   * Erasure (issue 30, item 5): deletes for good every message sent by or to these groups
   * and the reports on them, and the blocks that name the groups or the accounts (their
   * reason may describe the person). Returns the deleted messages' ids, so their mail
   * records can go too; a reply link to them then answers 404.
   */
  @InjectManager()
  async eraseGroupsMessaging(
    input: { group_ids: string[]; customer_ids: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ message_ids: string[] }> {
    return await this.eraseGroupsMessaging_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async eraseGroupsMessaging_(
    input: { group_ids: string[]; customer_ids: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ message_ids: string[] }> {
    const manager = sharedContext.transactionManager!
    const groups = pgTextArray(input.group_ids)
    const rows: Row[] = await manager.execute(
      `DELETE FROM admin_message WHERE from_group_id = ANY(?::text[]) OR to_group_id = ANY(?::text[]) RETURNING id`,
      [groups, groups]
    )
    const messageIds = rows.map((r) => r.id as string)
    if (messageIds.length) await manager.execute(`DELETE FROM message_report WHERE message_id = ANY(?::text[])`, [pgTextArray(messageIds)])
    await manager.execute(`DELETE FROM messaging_block WHERE group_id = ANY(?::text[]) OR customer_id = ANY(?::text[])`, [
      groups,
      pgTextArray(input.customer_ids),
    ])
    return { message_ids: messageIds }
  }
}

export default AdminMessageModuleService
