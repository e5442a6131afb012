import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import AreaNotice from "./models/area-notice"
import AreaNoticeDelivery from "./models/area-notice-delivery"
import NoticeAuthor from "./models/notice-author"
import { pgTextArray } from "../../lib/sql"

/** A claim without a sent mail is taken over after this long (the claiming process died). */
export const STALE_CLAIM_MS = 15 * 60 * 1000

/** The columns a public (store) response may contain: no author account, no targets. */
export const PUBLIC_NOTICE_COLUMNS = ["id", "title", "body", "author_label", "starts_at", "ends_at"] as const
export type PublicNotice = { id: string; title: string; body: string; author_label: string; starts_at: Date; ends_at: Date }

type Row = Record<string, any>

/**
 * Area notices, their deliveries and the accounts (wijkagent, municipality) that write them. Medusa generates the CRUD methods
 * (createAreaNotices, listAreaNotices, …); this class adds the delivery claims,
 * which need `INSERT … ON CONFLICT` to be safe under concurrency, and the public
 * query by area.
 */
class AreaNoticeModuleService extends MedusaService({ AreaNotice, AreaNoticeDelivery, NoticeAuthor }) {
  /**
   * Claims the (notice, group) deliveries not claimed yet (or claimed long ago and
   * never sent) and returns the group ids this caller won. Only the winner mails.
   */
  @InjectTransactionManager()
  async claimDeliveries(
    noticeId: string,
    groupIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    if (!groupIds.length) return []
    const manager = sharedContext.transactionManager!
    const values = groupIds.map(() => "(?, ?, ?, now(), null)").join(", ")
    const params = groupIds.flatMap((groupId) => [generateEntityId(undefined, "anotd"), noticeId, groupId])
    const rows: Row[] = await manager.execute(
      `INSERT INTO area_notice_delivery (id, notice_id, group_id, claimed_at, sent_at) VALUES ${values}
       ON CONFLICT (notice_id, group_id) WHERE deleted_at IS NULL DO UPDATE SET claimed_at = now()
         WHERE area_notice_delivery.sent_at IS NULL
           AND area_notice_delivery.claimed_at < now() - make_interval(secs => ${STALE_CLAIM_MS / 1000})
       RETURNING group_id`,
      params
    )
    return rows.map((r) => r.group_id as string)
  }

  /** Gives up claims whose mail did not go out, so a later run tries again. */
  @InjectTransactionManager()
  async releaseDeliveries(
    noticeId: string,
    groupIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await unsentDeliveries(sharedContext, "DELETE FROM area_notice_delivery", noticeId, groupIds)
  }

  @InjectTransactionManager()
  async markDeliveriesSent(
    noticeId: string,
    groupIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await unsentDeliveries(sharedContext, "UPDATE area_notice_delivery SET sent_at = now(), updated_at = now()", noticeId, groupIds)
  }

  /** Group ids that already have (or are getting) the notice. */
  @InjectManager()
  async claimedGroupIds(noticeId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Set<string>> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT group_id FROM area_notice_delivery WHERE notice_id = ? AND deleted_at IS NULL`,
      [noticeId]
    )
    return new Set(rows.map((r) => r.group_id as string))
  }

  /** Sent e-mails per notice. */
  @InjectManager()
  async countSentDeliveries(
    noticeIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, number>> {
    const counts: Record<string, number> = Object.fromEntries(noticeIds.map((id) => [id, 0]))
    if (!noticeIds.length) return counts
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT notice_id, count(*)::int AS count FROM area_notice_delivery
       WHERE notice_id = ANY(?::text[]) AND sent_at IS NOT NULL AND deleted_at IS NULL GROUP BY notice_id`,
      [pgTextArray(noticeIds)]
    )
    for (const row of rows) counts[row.notice_id] = row.count
    return counts
  }

  /** Current, not withdrawn notices for a group's area (public columns only), newest first. */
  @InjectManager()
  async listCurrentNoticesForArea(
    area: { municipality_code?: string | null; postcodes: string[]; now?: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<PublicNotice[]> {
    const now = area.now ?? new Date()
    return await sharedContext.manager!.execute(
      `SELECT ${PUBLIC_NOTICE_COLUMNS.join(", ")} FROM area_notice
       WHERE deleted_at IS NULL AND withdrawn_at IS NULL AND starts_at <= ? AND ends_at > ?
         AND (municipality_codes @> ?::text[] OR postcodes && ?::text[])
       ORDER BY starts_at DESC, id`,
      [now, now, pgTextArray(area.municipality_code ? [area.municipality_code] : ["-"]), pgTextArray(area.postcodes)]
    )
  }
}

export default AreaNoticeModuleService

/** Runs `statement` on the deliveries of a notice to these groups that were not sent yet. */
async function unsentDeliveries(context: Context<EntityManager>, statement: string, noticeId: string, groupIds: string[]): Promise<void> {
  if (!groupIds.length) return
  await context.transactionManager!.execute(`${statement} WHERE notice_id = ? AND group_id = ANY(?::text[]) AND sent_at IS NULL`, [
    noticeId,
    pgTextArray(groupIds),
  ])
}
