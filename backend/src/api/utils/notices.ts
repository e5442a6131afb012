/**
 * Area notices in the API, for staff (admin/notices) and for wijkagent/municipality
 * accounts (store/notices/author) alike.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AREA_NOTICE_MODULE } from "../../modules/area-notice"
import type AreaNoticeModuleService from "../../modules/area-notice/service"
import { isCurrent, noticeStatus, type NoticeStatus } from "../../modules/area-notice/utils/targeting"
import { deliverAreaNoticesWorkflow } from "../../workflows/notices/deliver-notices"
import { NOTICE_FIELD_ERRORS } from "../../workflows/notices/errors"
import { respondWithFieldErrors } from "../middlewares/validation"

export const noticeService = (scope: MedusaContainer): AreaNoticeModuleService => scope.resolve(AREA_NOTICE_MODULE)

/** A notice with its status and how many group admins got it (staff see it all; authors without `created_by`). */
export async function serializeNotices<T extends { id: string } & Record<string, any>>(
  scope: MedusaContainer,
  notices: T[]
): Promise<(T & { status: NoticeStatus; delivery_count: number })[]> {
  const counts = await noticeService(scope).countSentDeliveries(notices.map((n) => n.id))
  const now = new Date()
  return notices.map((n) => ({ ...n, status: noticeStatus(n as any, now), delivery_count: counts[n.id] ?? 0 }))
}

/** The workflows' field errors as a 400 per field; false for any other error. */
export function respondToNoticeError(res: MedusaResponse, error: unknown): boolean {
  const err = error as { code?: string; errors?: Record<string, string> }
  if (err?.code === NOTICE_FIELD_ERRORS && err.errors) {
    respondWithFieldErrors(res, err.errors)
    return true
  }
  return false
}

/**
 * Mails a current notice right away. A mail problem does not fail the request: the
 * notice is stored, and the job (src/jobs/deliver-area-notices.ts) retries.
 */
export async function deliverNow(scope: MedusaContainer, notice: { id: string; starts_at: Date | string; ends_at: Date | string; withdrawn_at?: Date | string | null }): Promise<number> {
  if (!isCurrent(notice)) return 0
  try {
    const { result } = await deliverAreaNoticesWorkflow(scope).run({ input: { notice_ids: [notice.id] } })
    return result.sent
  } catch (error) {
    scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Area notice ${notice.id}: delivery failed, the job retries (${(error as Error).message})`)
    return 0
  }
}
