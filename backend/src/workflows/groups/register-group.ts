import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { REGISTRATION_CONFIRM_HOURS } from "../../modules/neighbourhood-group/models/group-registration"
import { GROUP_MAIL_TEMPLATES, registrationConfirmMail } from "./emails"
import { confirmRegistrationUrl } from "./settings"
import { createGroupRegistrationStep, type GroupRegistrationData } from "./steps/group-registrations"
import { prepareGroupsStep } from "./steps/prepare-groups"

export type RegisterGroupInput = GroupRegistrationData & { accepted_rules: true }

export const registerGroupWorkflowId = "register-neighbourhood-group"

/**
 * A resident registers their WhatsApp group. Nothing becomes a group yet: the
 * registration waits until its admin confirms the e-mail address through the link in a
 * neutral mail (double opt-in, confirmGroupRegistrationWorkflow); only then do staff and
 * the admin hear of the group. It is checked now as the group it would become, so the
 * registrant sees wrong postcodes at once. The caller learns nothing else: not the slug,
 * not whether a group of that name exists, not whether a mail was sent (an address with
 * too many open registrations gets none).
 */
export const registerGroupWorkflow = createWorkflow(registerGroupWorkflowId, (input: RegisterGroupInput) => {
  const groups = transform({ input }, ({ input }) => [{ ...input, status: "pending" as const }])
  prepareGroupsStep({ groups, check_duplicates: false, require_known_postcodes: true })
  const registration = createGroupRegistrationStep(input)

  const notifications = transform({ registration }, ({ registration }): CreateNotificationDTO[] => {
    if (!registration.id || !registration.token) return []
    const content = registrationConfirmMail(
      confirmRegistrationUrl(readShopSettings(), registration.token),
      REGISTRATION_CONFIRM_HOURS
    )
    return [
      {
        to: registration.email,
        channel: "email",
        template: GROUP_MAIL_TEMPLATES.registrationConfirm,
        content,
        // no registrant text in the record either: erasure and expiry find it by address and id
        data: { subject: content.subject },
        trigger_type: "group_registration.created",
        resource_id: registration.id,
        resource_type: "group_registration",
        idempotency_key: `group-registration-confirm:${registration.id}`,
      },
    ]
  })
  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))

  return new WorkflowResponse(transform({ registration }, ({ registration }) => ({ id: registration.id })))
})
