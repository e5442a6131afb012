import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { cartRefusal } from "../../../../middlewares/cart-errors"
import { cartGroupFrom, cartGroupMetadata, clearedCartGroupMetadata } from "../../../../../lib/group-orders"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../../../modules/neighbourhood-group/service"
import type { StoreSetCartGroupBody } from "./validators"

/** Unknown and not-approved groups get the same answer: a store response never reveals pending groups. */
export const GROUP_NOT_ORDERABLE = "Deze buurtgroep bestaat niet of is (nog) niet goedgekeurd. Je kunt alleen bestellen voor goedgekeurde buurtgroepen."

/** The cart, if it exists and is open; otherwise the shared cart_not_found / cart_completed refusal. */
async function openCart(req: MedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "metadata", "completed_at"], filters: { id: req.params.id } })
  const refusal = cartRefusal(data[0])
  if (refusal) throw refusal
  return data[0]
}

/**
 * POST /store/carts/:id/group { slug }: order this cart for an approved group. Sets
 * the cart's metadata group_id, group_slug and group_name (public data only); the
 * order is linked to the group when the cart completes (src/workflows/hooks/order-group.ts).
 */
export async function POST(req: MedusaRequest<StoreSetCartGroupBody>, res: MedusaResponse) {
  const cart = await openCart(req)
  const groups: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const group = await groups.retrieveApprovedGroupBySlug(req.validatedBody.slug)
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, GROUP_NOT_ORDERABLE)

  const chosen = { id: group.id, slug: group.slug, name: group.name }
  await updateCartWorkflow(req.scope).run({ input: { id: cart.id, metadata: cartGroupMetadata(chosen) } })
  res.json({ cart: { id: cart.id }, group: chosen })
}

/** DELETE /store/carts/:id/group: order without a group again. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const cart = await openCart(req)
  if (cartGroupFrom(cart.metadata)) {
    await updateCartWorkflow(req.scope).run({ input: { id: cart.id, metadata: clearedCartGroupMetadata() } })
  }
  res.json({ cart: { id: cart.id }, group: null })
}
