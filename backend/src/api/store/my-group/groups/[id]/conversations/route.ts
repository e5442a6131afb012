import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listGroupConversations } from "../../../../../../workflows/admin-messages/history"
import { respondToMessagingError } from "../../../../../utils/messaging-errors"
import type { StoreConversationsParamsType } from "../../../validators"

/**
 * GET /store/my-group/groups/:id/conversations?limit=20&offset=0 ("Berichten"): the group's
 * conversations, newest activity first, each with its first and latest message, the number of
 * replies and whether the group may answer; `count` is all of them. Only for the group's own admin.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as unknown as StoreConversationsParamsType
  try {
    const { conversations, count } = await listGroupConversations(req.scope, {
      customer_id: req.auth_context.actor_id,
      group_id: req.params.id,
      limit,
      offset,
    })
    res.set("Cache-Control", "private, no-store")
    res.json({ conversations, count, limit, offset })
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
