import { createHash } from "node:crypto"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { GROUP_MAIL_TEMPLATES } from "../groups/emails"
import { adminMessageNotification, adminWarningMail, mailThread } from "./emails"
import { messagingError, NO_REACHABLE_GROUPS } from "./errors"
import { groupsByIds, type MessagingGroup, nearbyGroupsOf, resolveSender } from "./parties"
import { createAdminMessagesStep, type NewAdminMessage } from "./steps/create-messages"
import { assertMessagingLimitsLeft, consumeMessagingLimitsStep, type MessagingLimitCheck } from "./steps/messaging-limits"

export type SendWarningInput = { customer_id: string; group_id: string; first_name: string; message: string; km: number }

/**
 * The budgets a warning spends: the same text from the same group once in 10 minutes (a
 * retried form sends nothing twice; compared with white space collapsed and in lower case),
 * then the group's 3 a day.
 */
export function warningLimitChecks(input: { group_id: string; message: string }): MessagingLimitCheck[] {
  const text = input.message.replace(/\s+/g, " ").trim().toLowerCase()
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 32)
  return [
    { budget: "warningRepeat", key: `${input.group_id}:${digest}` },
    { budget: "warning", key: input.group_id },
  ]
}

/**
 * The sender as for a message; a spent budget or a repeated text refuses before the nearby
 * groups are looked up; the receivers are exactly the groups "Buurgroepen" marks reachable
 * within km (switched on). None: 400, nothing counted.
 */
const prepareWarningStep = createStep("prepare-admin-warning", async (input: SendWarningInput, { container }) => {
  const sender = await resolveSender(container, input.customer_id, input.group_id)
  await assertMessagingLimitsLeft(warningLimitChecks(input))
  const nearby = await nearbyGroupsOf(container, input)
  const reachable = await groupsByIds(container, nearby.filter((g) => g.reachable).map((g) => g.id))
  const receivers = [...reachable.values()].filter((g) => g.status === "approved" && g.admin_email)
  if (!receivers.length) throw messagingError(400, NO_REACHABLE_GROUPS(input.km), { field: "km" })
  const messages: NewAdminMessage[] = receivers.map((to) => ({
    kind: "warning",
    from_group_id: sender.group.id,
    to_group_id: to.id,
    sender_first_name: input.first_name,
    body: input.message,
  }))
  return new StepResponse<{ from: MessagingGroup; receivers: MessagingGroup[]; messages: NewAdminMessage[] }>({
    from: sender.group,
    receivers,
    messages,
  })
})

export const sendWarningWorkflowId = "send-admin-warning"

/**
 * "Waarschuw buurgroepen" (issue 30): one warning, one relayed mail per reachable nearby
 * group's admin, each its own row (own reply link and report token) in one thread. Three
 * per sending group per day. Area notices (wijkagent) are a separate channel, untouched.
 */
export const sendWarningWorkflow = createWorkflow(sendWarningWorkflowId, (input: SendWarningInput) => {
  const prepared = prepareWarningStep(input)
  consumeMessagingLimitsStep(transform({ input }, ({ input }) => warningLimitChecks(input)))
  const stored = createAdminMessagesStep(transform({ prepared }, ({ prepared }) => prepared.messages))
  const notifications = transform({ prepared, stored, input }, ({ prepared, stored, input }): CreateNotificationDTO[] => {
    const settings = readShopSettings()
    const receivers = new Map(prepared.receivers.map((g) => [g.id, g]))
    return stored.map((message) => {
      const to = receivers.get(message.to_group_id)!
      return adminMessageNotification(
        to.admin_email!,
        GROUP_MAIL_TEMPLATES.adminWarning,
        adminWarningMail(message, prepared.from, to, input.km, settings),
        message,
        "warning",
        undefined,
        mailThread(settings, message.id)
      )
    })
  })
  sendNotificationsStep(notifications)
  return new WorkflowResponse(transform({ stored }, ({ stored }) => ({ sent_to: stored.length })))
})
