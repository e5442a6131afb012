import { MedusaError } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { contactMail, GROUP_ADMIN_CONTACT_FIELDS, GROUP_MAIL_TEMPLATES, groupNotification, type GroupForMail } from "./emails"

export type ContactGroupAdminInput = {
  slug: string
  sender: { name: string; email: string; message: string }
}

const ensureApprovedGroupStep = createStep(
  "ensure-approved-neighbourhood-group",
  async ({ groups, slug }: { groups: unknown[]; slug: string }) => {
    if (!groups.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Groep "${slug}" niet gevonden`)
    }
    return new StepResponse(groups[0] as GroupForMail)
  }
)

export const contactGroupAdminWorkflowId = "contact-neighbourhood-group-admin"

/**
 * A resident's message to a group's admin, relayed by e-mail. Reply-To is the
 * resident (`provider_data.reply_to`), so the admin answers directly; the resident
 * never learns the admin's address unless the admin replies. The message itself is
 * not stored: only the notification record (recipient, template, group id).
 */
export const contactGroupAdminWorkflow = createWorkflow(contactGroupAdminWorkflowId, (input: ContactGroupAdminInput) => {
  const { data: groups } = useQueryGraphStep({
    entity: "neighbourhood_group",
    fields: GROUP_ADMIN_CONTACT_FIELDS,
    filters: { slug: input.slug, status: "approved" },
  })
  const group = ensureApprovedGroupStep({ groups, slug: input.slug })

  const notifications = transform({ group, input }, ({ group, input }): CreateNotificationDTO[] => {
    const content = contactMail(group, input.sender)
    return [
      groupNotification(group, {
        to: group.admin_email,
        template: GROUP_MAIL_TEMPLATES.contact,
        content,
        trigger: "contact",
        replyTo: { name: input.sender.name, address: input.sender.email },
      }),
    ]
  })
  sendNotificationsStep(notifications)
  return new WorkflowResponse(transform({ group }, ({ group }) => ({ group_id: group.id })))
})
