import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { createGroupsStep } from "./steps/create-groups"
import { prepareGroupsStep, type GroupInput } from "./steps/prepare-groups"

export type RegisterGroupInput = Omit<GroupInput, "status" | "slug" | "metadata" | "gemeente_code"> & {
  accepted_rules: true
}

export const registerGroupWorkflowId = "register-neighbourhood-group"

/**
 * A resident registers their WhatsApp group: pending until staff approve it.
 * Registrations run one at a time (a lock), so two identical ones sent together
 * cannot both pass the duplicate check unmarked. A probable duplicate of a pending or
 * approved group is registered like any other (the answer must not tell the registrant
 * that the other group exists) and marked for staff in `possible_duplicate_of`, which
 * the staff e-mail and the moderation page show. The `neighbourhood_group.registered` event
 * makes src/subscribers/group-registered.ts e-mail the admin and staff.
 */
export const registerGroupWorkflow = createWorkflow(registerGroupWorkflowId, (input: RegisterGroupInput) => {
  acquireLockStep({ key: "neighbourhood-group-registration", timeout: 10, ttl: 30 })

  const groups = transform({ input }, ({ input }) => [{ ...input, status: "pending" as const }])
  const prepared = prepareGroupsStep({ groups, check_duplicates: true, on_duplicate: "report", require_known_postcodes: true })
  const created = createGroupsStep(prepared)

  releaseLockStep({ key: "neighbourhood-group-registration" })

  const group = transform({ created }, ({ created }) => created[0])
  emitEventStep({
    eventName: GroupEvents.REGISTERED,
    data: transform({ group }, ({ group }) => ({ id: group.id })),
  })
  return new WorkflowResponse(group)
})
