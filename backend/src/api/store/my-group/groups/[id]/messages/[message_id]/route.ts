import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { groupMessageThread } from "../../../../../../../workflows/admin-messages/history"
import { respondToMessagingError } from "../../../../../../utils/messaging-errors"

/** GET /store/my-group/groups/:id/messages/:message_id: the message and its thread (404 unless the group is a party). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  try {
    const found = await groupMessageThread(req.scope, {
      customer_id: req.auth_context.actor_id,
      group_id: req.params.id,
      message_id: req.params.message_id,
    })
    res.set("Cache-Control", "private, no-store")
    res.json(found)
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
