import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { orderCountsForGroup } from "../../../../../../lib/group-orders"
import { NOT_OWN_GROUP_MESSAGE, ownGroupIds } from "../../../../../../workflows/my-group/steps/own-groups"

/**
 * GET /store/my-group/groups/:id/orders: what members ordered for the signed-in admin's
 * own group, as counts only (orders, signs, stickers, units per product): never names,
 * addresses or order numbers. Someone else's group answers like a missing one (404).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ids = await ownGroupIds(req.scope, req.auth_context.actor_id)
  if (!ids.includes(req.params.id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, NOT_OWN_GROUP_MESSAGE)
  const counts = await orderCountsForGroup(req.scope.resolve(ContainerRegistrationKeys.QUERY), req.params.id)
  res.set("Cache-Control", "private, no-store")
  res.json({ counts })
}
