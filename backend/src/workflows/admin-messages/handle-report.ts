import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ADMIN_MESSAGE_MODULE } from "../../modules/admin-message"
import type AdminMessageModuleService from "../../modules/admin-message/service"
import { messagingError, REPORT_UNKNOWN } from "./errors"

export type HandleMessageReportInput = { report_id: string; handled: boolean }

/**
 * Sets `handled_at` (now, or empty again); compensation puts the previous value back. A
 * report already in the asked state keeps its date. A handled report no longer stops a new
 * report of the same message (report-message.ts).
 */
const setReportHandledStep = createStep(
  "set-admin-message-report-handled",
  async (input: HandleMessageReportInput, { container }) => {
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    const [report] = await service.listMessageReports({ id: input.report_id })
    if (!report) throw messagingError(404, REPORT_UNKNOWN)
    const previous = report.handled_at ? new Date(report.handled_at) : null
    if (Boolean(previous) === input.handled) {
      return new StepResponse({ id: report.id, handled_at: previous?.toISOString() ?? null }, null)
    }
    const handledAt = input.handled ? new Date() : null
    await service.updateMessageReports({ id: report.id, handled_at: handledAt })
    return new StepResponse({ id: report.id, handled_at: handledAt?.toISOString() ?? null }, { id: report.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    await service.updateMessageReports({ id: undo.id, handled_at: undo.previous })
  }
)

export const handleMessageReportWorkflowId = "handle-admin-message-report"

/** Staff mark a reported admin message handled, or open it again (issue 30). */
export const handleMessageReportWorkflow = createWorkflow(handleMessageReportWorkflowId, (input: HandleMessageReportInput) => {
  return new WorkflowResponse(setReportHandledStep(input))
})
