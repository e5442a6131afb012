import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendAdminMessageWorkflow } from "../../../../../../../../workflows/admin-messages/send-admin-message"
import { respondToSendError } from "../../../../../../../utils/messaging-errors"
import type { StoreReplyAdminMessageType } from "../../../../../validators"

/**
 * POST /store/my-group/groups/:id/messages/:message_id/reply `{ first_name, message }`: an
 * answer to a message the group received, back through the relay to the group that sent it.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreReplyAdminMessageType>, res: MedusaResponse) {
  const { first_name, message } = req.validatedBody
  try {
    const { result } = await sendAdminMessageWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, group_id: req.params.id, reply_to_id: req.params.message_id, first_name, message },
    })
    res.status(201).json({ message: result })
  } catch (error) {
    respondToSendError(req, res, error)
  }
}
