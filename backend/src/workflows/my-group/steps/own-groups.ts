import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GroupAdminCustomerLink from "../../../links/group-admin-customer"

/** Ids of the groups a customer manages (through the link customer ↔ group). */
export async function ownGroupIds(container: MedusaContainer, customerId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: GroupAdminCustomerLink.entryPoint,
    fields: ["neighbourhood_group_id"],
    filters: { customer_id: customerId },
  })
  return data.map((row: any) => row.neighbourhood_group_id as string)
}

/** The message for a group that is not the customer's own: the same as for one that does not exist. */
export const NOT_OWN_GROUP_MESSAGE = "Deze groep bestaat niet of hoort niet bij je account."

export const assertOwnGroupStepId = "assert-own-neighbourhood-group"

/**
 * Refuses to go on unless the signed-in customer manages the group, and unless the
 * group can still be edited (an archived group cannot). A group of someone else
 * answers exactly like a missing one.
 */
export const assertOwnGroupStep = createStep(
  assertOwnGroupStepId,
  async (input: { customer_id: string; group_id: string }, { container }) => {
    const ids = await ownGroupIds(container, input.customer_id)
    if (!ids.includes(input.group_id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, NOT_OWN_GROUP_MESSAGE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "neighbourhood_group", fields: ["id", "status"], filters: { id: input.group_id } })
    if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, NOT_OWN_GROUP_MESSAGE)
    if (data[0].status === "archived") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze groep is gearchiveerd en kan niet meer worden aangepast.")
    }
    return new StepResponse({ id: input.group_id })
  }
)
