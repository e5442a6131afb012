import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { cartGroupFrom } from "../../lib/group-orders"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../modules/neighbourhood-group/service"

type LinkedGroup = { order_id: string; group_id: string }

const linkDefinition = ({ order_id, group_id }: LinkedGroup) => ({
  [NEIGHBOURHOOD_GROUP_MODULE]: { neighbourhood_group_id: group_id },
  [Modules.ORDER]: { order_id },
})

type OrderCreatedHook = (
  invoke: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<StepResponse<LinkedGroup | undefined, LinkedGroup | undefined>>,
  compensate: (linked: LinkedGroup | undefined, context: { container: MedusaContainer }) => Promise<void>
) => void

// completeCartWorkflow declares the orderCreated hook (after the order and its payment
// exist) but its typings list only `validate`; the runtime registers every declared hook.
const orderCreated = (completeCartWorkflow.hooks as unknown as { orderCreated: OrderCreatedHook }).orderCreated

/**
 * When a cart carrying a group (metadata group_id, set through POST
 * /store/carts/:id/group) becomes an order, link the order to that group. The group is
 * checked again here: cart metadata can also be written through Medusa's own cart
 * update, and a group may have been archived since it was chosen. An order for a group
 * that is no longer approved is placed without the link (the shopper is not blocked at
 * the last step). Compensation removes the link when a later step of the completion fails.
 */
orderCreated(
  async ({ order_id, cart_id }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "metadata"], filters: { id: cart_id } })
    const chosen = cartGroupFrom(carts[0]?.metadata)
    if (!chosen) return new StepResponse(undefined, undefined)

    const groups: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const [group] = await groups.listNeighbourhoodGroups({ id: chosen.id, status: "approved" }, { select: ["id"] })
    if (!group) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Order ${order_id}: group ${chosen.id} (${chosen.slug}) is not approved (anymore); order not linked`)
      return new StepResponse(undefined, undefined)
    }

    const linked: LinkedGroup = { order_id, group_id: group.id }
    await container.resolve(ContainerRegistrationKeys.LINK).create(linkDefinition(linked))
    return new StepResponse(linked, linked)
  },
  async (linked, { container }) => {
    if (!linked) return
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(linkDefinition(linked))
  }
)
