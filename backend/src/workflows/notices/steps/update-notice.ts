import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"
import { noticeFieldErrors, type NoticeFields } from "../../../modules/area-notice/utils/targeting"
import { noticeFieldErrorsError } from "../errors"

export type NoticeEdit = Partial<NoticeFields & { author_label: string }>
export type UpdateNoticeInput = { id: string; update: NoticeEdit }

const EDITABLE = ["title", "body", "municipality_codes", "postcodes", "starts_at", "ends_at", "author_label"] as const

export const updateAreaNoticeStepId = "update-area-notice"

/**
 * Edits a notice that is not withdrawn. The merged result is checked as a whole
 * (e.g. a new end date against the stored start). Compensation restores the
 * previous values.
 */
export const updateAreaNoticeStep = createStep(
  updateAreaNoticeStepId,
  async (input: UpdateNoticeInput, { container }) => {
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    const current = await service.retrieveAreaNotice(input.id)
    if (current.withdrawn_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Een ingetrokken melding kan niet meer worden gewijzigd")
    }
    const change: Record<string, unknown> = {}
    for (const key of EDITABLE) {
      const value = input.update[key]
      if (value === undefined) continue
      change[key] = typeof value === "string" && key !== "starts_at" && key !== "ends_at" ? value.trim() : value
    }
    if (change.starts_at) change.starts_at = new Date(change.starts_at as string)
    if (change.ends_at) change.ends_at = new Date(change.ends_at as string)
    const merged = { ...current, ...change } as unknown as NoticeFields
    const errors = noticeFieldErrors(merged)
    if (Object.keys(errors).length) throw noticeFieldErrorsError(errors)

    const previous = Object.fromEntries(Object.keys(change).map((k) => [k, (current as any)[k]]))
    const updated = await service.updateAreaNotices({ id: input.id, ...change })
    return new StepResponse(updated, { id: input.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    await service.updateAreaNotices(previous as any)
  }
)
