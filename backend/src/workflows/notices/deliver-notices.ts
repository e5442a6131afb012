import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { AREA_NOTICE_TEMPLATE, areaNoticeMail } from "./emails"
import { claimDeliveriesStep } from "./steps/claim-deliveries"
import { findPendingDeliveriesStep } from "./steps/find-pending-deliveries"
import { markDeliveriesSentStep } from "./steps/mark-deliveries-sent"

export type DeliverNoticesInput = { notice_ids?: string[] }

export const deliverAreaNoticesWorkflowId = "deliver-area-notices"

/**
 * E-mails current notices to the admins of the approved groups in their area, each
 * group once: find what is missing, claim it (exclusive), send through the
 * Notification Module (idempotency key per notice and group as a second guard),
 * record it as sent. Runs after a notice is created or edited and from the job
 * src/jobs/deliver-area-notices.ts. Returns how many mails went out.
 */
export const deliverAreaNoticesWorkflow = createWorkflow(deliverAreaNoticesWorkflowId, (input: DeliverNoticesInput) => {
  const pending = findPendingDeliveriesStep(input)
  const claimed = claimDeliveriesStep(pending)

  const notifications = transform({ claimed }, ({ claimed }): CreateNotificationDTO[] => {
    const settings = readShopSettings()
    return claimed.flatMap(({ notice, groups }) =>
      groups.map((group) => {
        const content = areaNoticeMail(notice, group, settings)
        return {
          to: group.admin_email,
          channel: "email",
          template: AREA_NOTICE_TEMPLATE,
          content,
          data: { notice_id: notice.id, group_id: group.id, subject: content.subject },
          trigger_type: "area_notice.delivered",
          resource_id: notice.id,
          resource_type: "area_notice",
          idempotency_key: `area-notice:${notice.id}:${group.id}`,
        }
      })
    )
  })

  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => {
    sendNotificationsStep(notifications)
  })
  const sent = markDeliveriesSentStep(claimed)
  return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ sent })))
})
