import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  approvedMail,
  GROUP_MAIL_TEMPLATES,
  groupNotification,
  registeredAdminMail,
  registeredStaffMail,
  rejectedMail,
  type GroupForMail,
  type MailContent,
} from "./emails"
import { readShopSettings } from "../../config/env"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../modules/neighbourhood-group/service"
import { farPoint } from "../../modules/neighbourhood-group/utils/geo"

/** The centres of a group's postcodes, to tell staff when its point lies far from them. */
const postcodeCentresStep = createStep("group-mail-postcode-centres", async (postcodes: string[], { container }) => {
  const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  return new StepResponse(await service.postcodeCentres([...new Set(postcodes)]))
})

export const GROUP_MAIL_FIELDS = [
  "id",
  "name",
  "slug",
  "woonplaats",
  "gemeente",
  "postcodes",
  "lat",
  "lng",
  "member_count",
  "status",
  "admin_name",
  "admin_email",
  "admin_phone",
  "rejection_reason",
  "approved_at",
  "rejected_at",
  "possible_duplicate_of",
]

export type GroupMailKind = "registered" | "approved" | "rejected"

export const sendGroupMailsWorkflowId = "send-neighbourhood-group-mails"

/**
 * E-mails about a group through the Notification Module ("email" channel, content
 * composed here): on registration to its admin and to staff (STAFF_EMAIL), on
 * approval or rejection to its admin. Idempotency keys keep a repeated event from
 * mailing twice; a later re-approval is a new moment and mails again.
 */
export const sendGroupMailsWorkflow = createWorkflow(
  sendGroupMailsWorkflowId,
  (input: { id: string; kind: GroupMailKind }) => {
    const { data: groups } = useQueryGraphStep({
      entity: "neighbourhood_group",
      fields: GROUP_MAIL_FIELDS,
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })

    const postcodes = transform({ groups, input }, ({ groups, input }) =>
      input.kind === "registered" ? ((groups[0]?.postcodes as unknown as string[] | null) ?? []) : []
    )
    const centres = postcodeCentresStep(postcodes)

    const notifications = transform({ groups, input, centres }, ({ groups, input, centres }): CreateNotificationDTO[] => {
      const group = groups[0] as unknown as GroupForMail & {
        status: string
        approved_at?: Date
        rejected_at?: Date
        lat?: number | null
        lng?: number | null
      }
      const settings = readShopSettings()
      const notification = (to: string, template: string, content: MailContent, key: string): CreateNotificationDTO =>
        groupNotification(group, { to, template, content, trigger: input.kind, idempotencyKey: key })
      const stamp = (date?: Date | string | null) => (date ? new Date(date).toISOString() : "")
      switch (input.kind) {
        case "registered": {
          // registration refuses a far point until the registrant confirms it, so a far point here was confirmed
          const far = group.lat != null && group.lng != null ? farPoint({ lat: group.lat, lng: group.lng }, centres) : null
          return [
            notification(group.admin_email, GROUP_MAIL_TEMPLATES.registeredAdmin, registeredAdminMail(group), `group-registered-admin:${group.id}`),
            notification(settings.staffEmail, GROUP_MAIL_TEMPLATES.registeredStaff, registeredStaffMail(group, settings, far), `group-registered-staff:${group.id}`),
          ]
        }
        case "approved":
          // only while it is still approved (the event may arrive after a quick archive)
          if (group.status !== "approved") return []
          return [
            notification(group.admin_email, GROUP_MAIL_TEMPLATES.approved, approvedMail(group, settings), `group-approved:${group.id}:${stamp(group.approved_at)}`),
          ]
        case "rejected":
          if (group.status !== "rejected") return []
          return [
            notification(group.admin_email, GROUP_MAIL_TEMPLATES.rejected, rejectedMail(group), `group-rejected:${group.id}:${stamp(group.rejected_at)}`),
          ]
      }
    })

    const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
      sendNotificationsStep(notifications)
    )
    return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? []))
  }
)
