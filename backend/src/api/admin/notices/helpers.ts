import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"
import { isCurrent, noticeStatus, type NoticeStatus } from "../../../modules/area-notice/utils/targeting"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { invalidDataBody } from "../../store/groups/validators"
import { deliverAreaNoticesWorkflow } from "../../../workflows/notices/deliver-notices"
import { NOTICE_FIELD_ERRORS } from "../../../workflows/notices/errors"

export const noticeService = (scope: MedusaContainer): AreaNoticeModuleService => scope.resolve(AREA_NOTICE_MODULE)

/** A notice for staff: its fields plus status and how many group admins got it. */
export async function serializeAdminNotices<T extends { id: string } & Record<string, any>>(
  scope: MedusaContainer,
  notices: T[]
): Promise<(T & { status: NoticeStatus; delivery_count: number })[]> {
  const counts = await noticeService(scope).countSentDeliveries(notices.map((n) => n.id))
  const now = new Date()
  return notices.map((n) => ({ ...n, status: noticeStatus(n as any, now), delivery_count: counts[n.id] ?? 0 }))
}

export async function retrieveAdminNotice(scope: MedusaContainer, id: string) {
  const notice = await noticeService(scope).retrieveAreaNotice(id)
  return (await serializeAdminNotices(scope, [notice]))[0]
}

/**
 * Municipality codes that the imported reference data does not know. Without
 * reference data (offline start) every four-digit code is accepted.
 */
export async function unknownMunicipalityCodes(scope: MedusaContainer, codes: string[] | undefined): Promise<string[]> {
  if (!codes?.length) return []
  const groups: NeighbourhoodGroupModuleService = scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const [, total] = await groups.listAndCountMunicipalities({}, { take: 1, select: ["id"] })
  if (!total) return []
  const known = new Set((await groups.listMunicipalities({ code: codes }, { select: ["code"] })).map((m) => m.code))
  return codes.filter((c) => !known.has(c))
}

export function rejectUnknownCodes(res: MedusaResponse, unknown: string[]): boolean {
  if (!unknown.length) return false
  res.status(400).json(
    invalidDataBody({
      municipality_codes: `Onbekende gemeentecode${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}`,
    })
  )
  return true
}

/** The workflows' field errors as a 400 per field; false for any other error. */
export function respondToNoticeError(res: MedusaResponse, error: unknown): boolean {
  const err = error as { code?: string; errors?: Record<string, string> }
  if (err?.code === NOTICE_FIELD_ERRORS && err.errors) {
    res.status(400).json(invalidDataBody(err.errors))
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

export function notFound(id: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, `Melding "${id}" niet gevonden`)
}
