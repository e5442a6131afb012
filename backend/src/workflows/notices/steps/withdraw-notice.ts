import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"

export const withdrawAreaNoticeStepId = "withdraw-area-notice"

/** Withdraws a notice: hidden at once and never delivered again. Compensation undoes it. */
export const withdrawAreaNoticeStep = createStep(
  withdrawAreaNoticeStepId,
  async (input: { id: string }, { container }) => {
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    const notice = await service.retrieveAreaNotice(input.id)
    if (notice.withdrawn_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze melding is al ingetrokken")
    }
    const updated = await service.updateAreaNotices({ id: input.id, withdrawn_at: new Date() })
    return new StepResponse(updated, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    await service.updateAreaNotices({ id, withdrawn_at: null })
  }
)
