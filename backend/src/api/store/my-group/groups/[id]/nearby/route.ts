import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { nearbyGroupsOf } from "../../../../../../workflows/admin-messages/parties"
import { respondToMessagingError } from "../../../../../utils/messaging-errors"
import type { StoreNearbyGroupsParamsType } from "../../../validators"

/**
 * GET /store/my-group/groups/:id/nearby?km=1|2|5 ("Buurgroepen"): approved groups sharing or
 * adjacent to the group's postcodes or within km of its point, and whether their admin can
 * be messaged. Public data only: no admin's name, address or phone.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { km } = req.validatedQuery as unknown as StoreNearbyGroupsParamsType
  try {
    const groups = await nearbyGroupsOf(req.scope, { customer_id: req.auth_context.actor_id, group_id: req.params.id, km })
    res.set("Cache-Control", "private, no-store")
    res.json({ km, groups })
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
