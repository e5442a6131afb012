import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import { createGroupsStep } from "./steps/create-groups"
import { claimGroupRegistrationStep, finishGroupRegistrationStep } from "./steps/group-registrations"
import { prepareGroupsStep } from "./steps/prepare-groups"

export const confirmGroupRegistrationWorkflowId = "confirm-neighbourhood-group-registration"

/**
 * The registrant clicked the link in the confirmation mail: the registration becomes a
 * pending group in staff's queue, and the `neighbourhood_group.registered` event makes
 * src/subscribers/group-registered.ts mail the admin and staff. Confirmations run one at
 * a time (a lock), so two identical ones cannot both pass the duplicate check unmarked. A
 * probable duplicate of a pending or approved group is created like any other and marked
 * for staff in `possible_duplicate_of`; the answer never says so.
 */
export const confirmGroupRegistrationWorkflow = createWorkflow(
  confirmGroupRegistrationWorkflowId,
  (input: { token: string }) => {
    const registration = claimGroupRegistrationStep({ token: input.token })
    acquireLockStep({ key: "neighbourhood-group-registration", timeout: 10, ttl: 30 })

    const groups = transform({ registration }, ({ registration }) => [{ ...registration.data, status: "pending" as const }])
    const prepared = prepareGroupsStep({ groups, check_duplicates: true, on_duplicate: "report", require_known_postcodes: true })
    const created = createGroupsStep(prepared)

    releaseLockStep({ key: "neighbourhood-group-registration" })

    const group = transform({ created }, ({ created }) => created[0])
    finishGroupRegistrationStep(
      transform({ registration, group }, ({ registration, group }) => ({ id: registration.id, group_id: group.id }))
    )
    emitEventStep({
      eventName: GroupEvents.REGISTERED,
      data: transform({ group }, ({ group }) => ({ id: group.id })),
    })
    return new WorkflowResponse(transform({ group }, ({ group }) => ({ id: group.id, name: group.name })))
  }
)
