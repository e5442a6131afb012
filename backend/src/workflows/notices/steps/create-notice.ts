import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"
import { noticeFieldErrors, type NoticeFields } from "../../../modules/area-notice/utils/targeting"
import { noticeFieldErrorsError } from "../errors"

export type CreateNoticeInput = NoticeFields & { author_label: string; created_by?: string | null }

export const createAreaNoticeStepId = "create-area-notice"

/** Stores a notice after checking it as a whole; compensation deletes it again. */
export const createAreaNoticeStep = createStep(
  createAreaNoticeStepId,
  async (input: CreateNoticeInput, { container }) => {
    const errors = noticeFieldErrors(input)
    if (Object.keys(errors).length) throw noticeFieldErrorsError(errors)
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    const notice = await service.createAreaNotices({
      title: input.title.trim(),
      body: input.body.trim(),
      municipality_codes: input.municipality_codes,
      postcodes: input.postcodes,
      starts_at: new Date(input.starts_at),
      ends_at: new Date(input.ends_at),
      author_label: input.author_label.trim(),
      created_by: input.created_by ?? null,
    })
    return new StepResponse(notice, notice.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    await service.deleteAreaNotices(id)
  }
)
