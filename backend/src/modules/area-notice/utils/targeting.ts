/**
 * Pure rules of area notices: which groups a notice reaches, when it is current,
 * and the checks on its fields that span more than one field. Shared by the
 * workflows, the admin API and the unit tests.
 */
import { NOTICE_LIMITS } from "../models/area-notice"

export const NOTICE_STATUSES = ["current", "planned", "ended", "withdrawn"] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]

export type NoticeTarget = { municipality_codes: string[]; postcodes: string[] }
export type NoticePeriod = { starts_at: Date | string; ends_at: Date | string; withdrawn_at?: Date | string | null }

/** What targeting needs of a group. */
export type TargetableGroup = {
  status: string
  gemeente_code?: string | null
  postcodes?: string[] | null
}

const time = (value: Date | string) => (value instanceof Date ? value : new Date(value)).getTime()

/** current: shown and delivered; planned: not yet; ended/withdrawn: never again. */
export function noticeStatus(notice: NoticePeriod, now: Date = new Date()): NoticeStatus {
  if (notice.withdrawn_at) return "withdrawn"
  const t = now.getTime()
  if (t < time(notice.starts_at)) return "planned"
  if (t >= time(notice.ends_at)) return "ended"
  return "current"
}

export const isCurrent = (notice: NoticePeriod, now?: Date) => noticeStatus(notice, now) === "current"

/** An approved group is in a notice's area by its municipality code or any shared PC4. */
export function groupInTarget(group: TargetableGroup, target: NoticeTarget): boolean {
  if (group.status !== "approved") return false
  if (group.gemeente_code && target.municipality_codes.includes(group.gemeente_code)) return true
  return (group.postcodes ?? []).some((pc4) => target.postcodes.includes(pc4))
}

/**
 * The filters for the neighbourhood-group module's generated list method (MikroORM):
 * approved groups in the municipalities, or whose `postcodes` overlap the PC4s
 * (`&&` on the text[] column, served by its GIN index).
 */
export function targetGroupFilters(target: NoticeTarget): Record<string, unknown> | null {
  const or: Record<string, unknown>[] = []
  if (target.municipality_codes.length) or.push({ gemeente_code: { $in: target.municipality_codes } })
  if (target.postcodes.length) or.push({ postcodes: { $overlap: target.postcodes } })
  if (!or.length) return null
  return { status: "approved", $or: or }
}

export type NoticeFields = NoticeTarget & {
  title: string
  body: string
  starts_at: Date | string
  ends_at: Date | string
}

/**
 * Checks a (merged) notice: field → Dutch message, empty when valid. The admin
 * API's schema reports the same for one request; the workflows check the merged
 * result of an update, which the schema cannot see.
 */
export function noticeFieldErrors(notice: NoticeFields): Record<string, string> {
  const errors: Record<string, string> = {}
  const title = notice.title?.trim() ?? ""
  const body = notice.body?.trim() ?? ""
  if (!title) errors.title = "Vul een titel in"
  else if (title.length > NOTICE_LIMITS.titleMax) errors.title = `De titel mag hoogstens ${NOTICE_LIMITS.titleMax} tekens lang zijn`
  if (!body) errors.body = "Schrijf de melding"
  else if (body.length > NOTICE_LIMITS.bodyMax) errors.body = `De melding mag hoogstens ${NOTICE_LIMITS.bodyMax} tekens lang zijn`
  if (!notice.municipality_codes.length && !notice.postcodes.length) {
    errors.municipality_codes = "Kies minstens één gemeente of postcodegebied (PC4)"
  }
  const starts = time(notice.starts_at)
  const ends = time(notice.ends_at)
  if (Number.isNaN(starts)) errors.starts_at = "Vul een geldige begindatum in"
  if (Number.isNaN(ends)) errors.ends_at = "Vul een geldige einddatum in"
  else if (!Number.isNaN(starts) && ends <= starts) errors.ends_at = "De einddatum moet na de begindatum liggen"
  return errors
}
