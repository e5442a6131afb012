import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { ADMIN_MESSAGE_MODULE } from "../../modules/admin-message"
import type AdminMessageModuleService from "../../modules/admin-message/service"
import { GROUP_MAIL_TEMPLATES } from "../groups/emails"
import { adminMessageNotification, messageReportedMail } from "./emails"
import { messagingError, REPORT_NOT_FOUND } from "./errors"
import { groupsByIds, type MessagingGroup } from "./parties"

export type ReportAdminMessageInput = { token: string; reason?: string | null }

type Recorded = {
  /** null: the message was reported before and staff have not handled that yet */
  report: { id: string; reason: string | null } | null
  message: { id: string; kind: "message" | "reply" | "warning"; from_group_id: string; to_group_id: string } & Record<string, any>
}

/**
 * Records the report of the message whose mail held `token` (404 for an unknown token, or a
 * message erased since). A message already reported and not yet handled is not reported
 * (nor mailed to staff) twice. Compensation deletes a report it made.
 */
const recordReportStep = createStep(
  "record-admin-message-report",
  async (input: ReportAdminMessageInput, { container }) => {
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    const [message] = await service.listAdminMessages({ report_token: input.token })
    if (!message) throw messagingError(404, REPORT_NOT_FOUND)
    const [open] = await service.listMessageReports({ message_id: message.id, handled_at: null })
    if (open) return new StepResponse<Recorded, string | null>({ report: null, message }, null)
    const report = await service.createMessageReports({ message_id: message.id, reason: input.reason || null })
    return new StepResponse<Recorded, string | null>({ report, message }, report.id)
  },
  async (reportId: string | null | undefined, { container }) => {
    if (!reportId) return
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    await service.deleteMessageReports([reportId])
  }
)

const reportGroupsStep = createStep("admin-message-report-groups", async (ids: string[], { container }) => {
  return new StepResponse<MessagingGroup[]>([...(await groupsByIds(container, ids)).values()])
})

export const reportAdminMessageWorkflowId = "report-admin-message"

/**
 * "Melden" from a relayed mail (issue 30): the receiver reports abuse without signing in
 * (the token in the link is the proof). Staff get a mail with both groups' names, the text
 * and a link to block the sender; never an address.
 */
export const reportAdminMessageWorkflow = createWorkflow(reportAdminMessageWorkflowId, (input: ReportAdminMessageInput) => {
  const recorded = recordReportStep(input)
  const groups = reportGroupsStep(transform({ recorded }, ({ recorded }) => [recorded.message.from_group_id, recorded.message.to_group_id]))
  const notifications = transform({ recorded, groups }, ({ recorded, groups }): CreateNotificationDTO[] => {
    if (!recorded.report) return []
    const settings = readShopSettings()
    const byId = new Map(groups.map((g) => [g.id, g]))
    const unknown = { name: "(verwijderde groep)", woonplaats: "onbekend" }
    const message = recorded.message as any
    const content = messageReportedMail(
      recorded.report,
      message,
      byId.get(message.from_group_id) ?? unknown,
      byId.get(message.to_group_id) ?? unknown,
      settings
    )
    return [
      adminMessageNotification(settings.staffEmail, GROUP_MAIL_TEMPLATES.adminMessageReported, content, message, "reported", `admin-message-reported:${recorded.report.id}`),
    ]
  })
  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
  return new WorkflowResponse({ reported: true })
})
