import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  changesRejectedMail,
  GROUP_ADMIN_CONTACT_FIELDS,
  GROUP_MAIL_TEMPLATES,
  groupNotification,
  type GroupAdminContact,
} from "./emails"

export type SendChangesRejectedMailInput = { id: string; reason: string | null; requested_at: string | null }

export const sendChangesRejectedMailWorkflowId = "send-neighbourhood-group-changes-rejected-mail"

/**
 * Tells a group's admin that staff did not take over their change of name or location,
 * with the reason when staff gave one. One mail per request (keyed by when it was asked);
 * nothing when the admin's data has been erased.
 */
export const sendChangesRejectedMailWorkflow = createWorkflow(
  sendChangesRejectedMailWorkflowId,
  (input: SendChangesRejectedMailInput) => {
    const { data: groups } = useQueryGraphStep({
      entity: "neighbourhood_group",
      fields: GROUP_ADMIN_CONTACT_FIELDS,
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const notifications = transform({ groups, input }, ({ groups, input }): CreateNotificationDTO[] => {
      const group = groups[0] as GroupAdminContact
      if (!group.admin_email) return []
      const content = changesRejectedMail(group, input.reason)
      return [
        groupNotification(group, {
          to: group.admin_email,
          template: GROUP_MAIL_TEMPLATES.changesRejected,
          content,
          trigger: "changes_rejected",
          idempotencyKey: `group-changes-rejected:${group.id}:${input.requested_at ?? ""}`,
        }),
      ]
    })
    const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
    return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
  }
)
