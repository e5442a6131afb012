import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  dismissRemoteLinkStep,
  emitEventStep,
  removeCustomerAccountWorkflow,
  updateCustomersStep,
} from "@medusajs/medusa/core-flows"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../modules/neighbourhood-group"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { eraseAdminMessagingStep } from "./steps/erase-admin-messaging"
import { eraseGroupAdminDataStep } from "./steps/erase-group-admin-data"
import { eraseMailRecordsStep } from "./steps/erase-mail-records"

export type RemoveMyGroupWorkflowInput = { customer_id: string }

export const removeMyGroupWorkflowId = "remove-my-neighbourhood-group"

/**
 * "Verwijder mijn gegevens" (privacy statement): a group admin removes their personal
 * data. Every group of the account, and every other registration with the same
 * address in any letter case (pending, rejected), is archived and its admin's name,
 * e-mail and phone are erased (the anonymous rows stay for order history); the links
 * customer ↔ group are dismissed; the customer's own personal fields are blanked
 * before Medusa's removeCustomerAccountWorkflow deletes the customer (soft) and its
 * login (the auth identity, unless a staff login shares it). Last, the messages the
 * groups sent to or received from other groups' admins (with reports and blocks, issue 30)
 * go, then the records of the e-mails to, from or about the address, the erased groups
 * and those messages, and the .eml files in MAIL_DIR that mention the address.
 */
export const removeMyGroupWorkflow = createWorkflow(removeMyGroupWorkflowId, (input: RemoveMyGroupWorkflowInput) => {
  const erased = eraseGroupAdminDataStep({ customer_id: input.customer_id })
  const links = transform({ erased, input }, ({ erased, input }) =>
    erased.linked_group_ids.map((id) => ({
      [Modules.CUSTOMER]: { customer_id: input.customer_id },
      [NEIGHBOURHOOD_GROUP_MODULE]: { neighbourhood_group_id: id },
    }))
  )
  dismissRemoteLinkStep(links)
  updateCustomersStep({
    selector: { id: input.customer_id },
    update: { email: null, first_name: null, last_name: null, phone: null, company_name: null },
  })
  removeCustomerAccountWorkflow.runAsStep({ input: { customerId: input.customer_id } })
  const events = transform({ erased }, ({ erased }) => erased.group_ids.map((id) => ({ id })))
  emitEventStep({ eventName: GroupEvents.ARCHIVED, data: events })
  const messaging = eraseAdminMessagingStep(
    transform({ erased, input }, ({ erased, input }) => ({ group_ids: erased.group_ids, customer_id: input.customer_id }))
  )
  eraseMailRecordsStep(
    transform({ erased, messaging }, ({ erased, messaging }) => ({
      emails: erased.emails,
      group_ids: erased.group_ids,
      resource_ids: messaging.message_ids,
    }))
  )
  return new WorkflowResponse(erased)
})
