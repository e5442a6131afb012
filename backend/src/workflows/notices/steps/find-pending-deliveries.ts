import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { groupInTarget, targetGroupFilters } from "../../../modules/area-notice/utils/targeting"
import type { GroupForNoticeMail, NoticeForMail } from "../emails"

export type DeliveryGroup = GroupForNoticeMail & { admin_email: string }
export type PendingDelivery = { notice: NoticeForMail; groups: DeliveryGroup[] }

export const findPendingDeliveriesStepId = "find-pending-area-notice-deliveries"

const NOTICE_FIELDS = ["id", "title", "body", "author_label", "starts_at", "ends_at", "municipality_codes", "postcodes"]
const GROUP_FIELDS = ["id", "name", "slug", "status", "gemeente_code", "postcodes", "admin_name", "admin_email"]

/**
 * For every current, not withdrawn notice (or only the given ones): the approved
 * groups in its area with an admin e-mail address that have not been claimed for it
 * yet. Groups approved later, or notices that became current since the last run,
 * show up here. Read only, so nothing to compensate.
 */
export const findPendingDeliveriesStep = createStep(
  findPendingDeliveriesStepId,
  async (input: { notice_ids?: string[] }, { container }) => {
    const notices: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    const groups: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const now = new Date()
    const current = await notices.listAreaNotices(
      {
        withdrawn_at: null,
        starts_at: { $lte: now },
        ends_at: { $gt: now },
        ...(input.notice_ids ? { id: input.notice_ids } : {}),
      },
      { select: NOTICE_FIELDS as any, order: { starts_at: "ASC" } }
    )

    const pending: PendingDelivery[] = []
    for (const notice of current) {
      const target = { municipality_codes: notice.municipality_codes as string[], postcodes: notice.postcodes as string[] }
      const filters = targetGroupFilters(target)
      if (!filters) continue
      const [inArea, claimed] = await Promise.all([
        groups.listNeighbourhoodGroups(filters as any, { select: GROUP_FIELDS as any }),
        notices.claimedGroupIds(notice.id),
      ])
      const todo = inArea
        // the filters already select these; the pure rule documents and guards them
        .map((g) => ({ ...g, admin_email: (g.admin_email ?? "").trim() }))
        // removal wipes the admin's e-mail: such groups get nothing
        .filter((g) => groupInTarget(g as any, target) && !claimed.has(g.id) && g.admin_email)
        .map((g) => ({ id: g.id, name: g.name, slug: g.slug, admin_name: g.admin_name, admin_email: g.admin_email }))
      if (todo.length) {
        const { municipality_codes, postcodes, ...forMail } = notice as any
        pending.push({ notice: forMail as NoticeForMail, groups: todo })
      }
    }
    return new StepResponse(pending)
  }
)
