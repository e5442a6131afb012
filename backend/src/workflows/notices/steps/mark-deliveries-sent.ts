import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"
import type { PendingDelivery } from "./find-pending-deliveries"

export const markDeliveriesSentStepId = "mark-area-notice-deliveries-sent"

/** Records when the mails went out; the last step, so there is nothing after it to undo. */
export const markDeliveriesSentStep = createStep(
  markDeliveriesSentStepId,
  async (sent: PendingDelivery[], { container }) => {
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    for (const { notice, groups } of sent) await service.markDeliveriesSent(notice.id, groups.map((g) => g.id))
    return new StepResponse(sent.reduce((n, d) => n + d.groups.length, 0))
  }
)
