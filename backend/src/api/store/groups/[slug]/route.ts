import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { orderCountsForGroup } from "../../../../lib/group-orders"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../../modules/neighbourhood-group/service"

/**
 * GET /store/groups/:slug: one approved group (public fields only), `signs_ordered` and
 * `stickers_ordered`, the signs and stickers in the group's orders that are not canceled
 * (rule: unitsPerUnit in src/lib/group-orders.ts). Only those numbers: no order ids, no customer data.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const group = await service.retrieveApprovedGroupBySlug(req.params.slug)
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Groep "${req.params.slug}" niet gevonden`)
  const counts = await orderCountsForGroup(req.scope.resolve(ContainerRegistrationKeys.QUERY), group.id)
  res.json({ group: { ...group, signs_ordered: counts.signs, stickers_ordered: counts.stickers } })
}
