import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { formatDateNl } from "../../lib/html"
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

/** Whether the link's message was reported before: when (a new report adds to that one). */
export type EarlierReportView = { created_at: string } | null

type ReportRow = { id: string; reason: string | null; handled_at: Date | string | null; created_at: Date | string }

/**
 * The report a new report of this message adds to: the open one, else the newest handled one
 * (older data may hold several). Null: never reported.
 */
async function earlierReport(service: AdminMessageModuleService, messageId: string): Promise<ReportRow | null> {
  const reports = (await service.listMessageReports({ message_id: messageId }, { order: { created_at: "DESC" } })) as unknown as ReportRow[]
  return reports.find((r) => !r.handled_at) ?? reports[0] ?? null
}

/**
 * What the report page shows before the receiver reports (no login: the token is the proof,
 * as for the report itself): what the mail showed, never an address or phone number of the
 * sender (the text is the sender's own words, as mailed), and whether (when) this link's
 * message was reported already, so the page offers to add to that report. Only the token's
 * holder (the receiving group) reports through it, so this tells them nothing new about anyone.
 * 404 for an unknown token or a message erased since.
 */
export async function reportedMessage(container: MedusaContainer, token: string): Promise<{ message: ReportedMessageView; report: EarlierReportView }> {
  if (!REPORT_TOKEN_PATTERN.test(token)) throw messagingError(404, REPORT_NOT_FOUND)
  const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  const [message] = await service.listAdminMessages({ report_token: token })
  if (!message) throw messagingError(404, REPORT_NOT_FOUND)
  const from = (await groupsByIds(container, [message.from_group_id])).get(message.from_group_id)
  const earlier = await earlierReport(service, message.id)
  return {
    message: {
      kind: message.kind,
      from_group: from ? { name: from.name, woonplaats: from.woonplaats } : null,
      sender_first_name: message.sender_first_name,
      body: message.body,
      created_at: new Date(message.created_at).toISOString(),
    },
    report: earlier ? { created_at: new Date(earlier.created_at).toISOString() } : null,
  }
}

/**
 * The line an addition puts below a report's reason (service.appendReportReason keeps the
 * earlier ones), with its date. An addition without a reason (reporting a handled report
 * again) says so.
 */
export function additionLine(addition: string | null, at: Date): string {
  return `Aanvulling van ${formatDateNl(at, true)}: ${addition ?? "opnieuw gemeld, zonder reden"}`
}

type Recorded = {
  /** null: nothing new (the message was reported before, that report is open and no reason came with it) */
  report: { id: string; reason: string | null } | null
  /** what this report added to an earlier one (its reason, null: none), when it did */
  addition: { reason: string | null; reopened: boolean } | null
  message: { id: string; kind: "message" | "reply" | "warning"; from_group_id: string; to_group_id: string } & Record<string, any>
}

type RecordUndo = { created: string } | { id: string; reason: string | null; handled_at: Date | null } | null

/**
 * Records the report of the message whose mail held `token` (404 for an unknown token, or a
 * message erased since). A message reported before gets no second report: a reason is added
 * to that report (the earlier one kept), and a handled report is opened again, also without
 * a reason (the receiver reports it again); an open report and no reason change nothing (nor
 * mail staff twice). Compensation deletes a report it made or puts the earlier reason and
 * state back.
 */
const recordReportStep = createStep(
  "record-admin-message-report",
  async (input: ReportAdminMessageInput, { container }) => {
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    const [message] = await service.listAdminMessages({ report_token: input.token })
    if (!message) throw messagingError(404, REPORT_NOT_FOUND)
    const reason = input.reason || null
    const earlier = await earlierReport(service, message.id)
    if (!earlier) {
      const report = await service.createMessageReports({ message_id: message.id, reason })
      return new StepResponse<Recorded, RecordUndo>({ report, addition: null, message }, { created: report.id })
    }
    const reopened = Boolean(earlier.handled_at)
    if (!reason && !reopened) return new StepResponse<Recorded, RecordUndo>({ report: null, addition: null, message }, null)
    const combined = await service.appendReportReason({ id: earlier.id, line: additionLine(reason, new Date()) })
    return new StepResponse<Recorded, RecordUndo>(
      { report: { id: earlier.id, reason: combined }, addition: { reason, reopened }, message },
      { id: earlier.id, reason: earlier.reason, handled_at: earlier.handled_at ? new Date(earlier.handled_at) : null }
    )
  },
  async (undo: RecordUndo | undefined, { container }) => {
    if (!undo) return
    const service: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
    if ("created" in undo) await service.deleteMessageReports([undo.created])
    else await service.updateMessageReports({ id: undo.id, reason: undo.reason, handled_at: undo.handled_at })
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
      settings,
      recorded.addition
    )
    // every addition is its own mail: the key names the report and the moment
    const key = recorded.addition ? `admin-message-report-added:${recorded.report.id}:${Date.now()}` : `admin-message-reported:${recorded.report.id}`
    return [adminMessageNotification(settings.staffEmail, GROUP_MAIL_TEMPLATES.adminMessageReported, content, message, "reported", key)]
  })
  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => ({ reported: true, added: Boolean(recorded.addition) })))
})
