import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"
import type { PendingDelivery } from "./find-pending-deliveries"

export type Claims = { notice_id: string; group_ids: string[] }[]

export const claimDeliveriesStepId = "claim-area-notice-deliveries"

/**
 * Claims the deliveries before any mail goes out (INSERT … ON CONFLICT DO NOTHING on
 * the unique (notice_id, group_id) index): of two concurrent runs only one wins a
 * group. A notice withdrawn since it was found is skipped. Compensation (the mails
 * failed) gives up the claims that were not sent, so a later run retries them.
 */
export const claimDeliveriesStep = createStep(
  claimDeliveriesStepId,
  async (pending: PendingDelivery[], { container }) => {
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    const ids = pending.map((p) => p.notice.id)
    const stillOpen = ids.length
      ? new Set((await service.listAreaNotices({ id: ids, withdrawn_at: null }, { select: ["id"] })).map((n) => n.id))
      : new Set<string>()
    const won: PendingDelivery[] = []
    const claims: Claims = []
    for (const { notice, groups } of pending) {
      if (!stillOpen.has(notice.id)) continue
      const claimed = new Set(await service.claimDeliveries(notice.id, groups.map((g) => g.id)))
      if (!claimed.size) continue
      won.push({ notice, groups: groups.filter((g) => claimed.has(g.id)) })
      claims.push({ notice_id: notice.id, group_ids: [...claimed] })
    }
    return new StepResponse(won, claims)
  },
  async (claims, { container }) => {
    if (!claims?.length) return
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    for (const claim of claims) await service.releaseDeliveries(claim.notice_id, claim.group_ids)
  }
)
