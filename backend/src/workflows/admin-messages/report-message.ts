import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
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

/** A report token as the mail's link carries it (256 random bits, base64url). */
export const REPORT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,128}$/

/** The message behind a "Melden" link, as its receiver got it: the sending group, the first name, the date and the text. */
export type ReportedMessageView = {
  kind: "message" | "reply" | "warning"
  from_group: { name: string; woonplaats: string } | null
  sender_first_name: string
  body: string
  created_at: string
}

/**
 * What the report page shows before the receiver reports (no login: the token is the proof,
 * as for the report itself): what the mail showed, never an address or phone number of the
 * sender (the text is the sender's own words, as mailed). 404 for an unknown token or a
 * message erased since.
 */
export async function reportedMessage(container: MedusaContainer, token: string): Promise<ReportedMessageView> {
  if (!REPORT_TOKEN_PATTERN.test(token)) throw messagingError(404, REPORT_NOT_FOUND)
  const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  const [message] = await service.listAdminMessages({ report_token: token })
  if (!message) throw messagingError(404, REPORT_NOT_FOUND)
  const from = (await groupsByIds(container, [message.from_group_id])).get(message.from_group_id)
  return {
    kind: message.kind,
    from_group: from ? { name: from.name, woonplaats: from.woonplaats } : null,
    sender_first_name: message.sender_first_name,
    body: message.body,
    created_at: new Date(message.created_at).toISOString(),
  }
}

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
