import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listGroupMessages } from "../../../../../../workflows/admin-messages/history"
import { sendAdminMessageWorkflow } from "../../../../../../workflows/admin-messages/send-admin-message"
import { respondToMessagingError, respondToSendError } from "../../../../../utils/messaging-errors"
import type { StoreSendAdminMessageType } from "../../../validators"

/** GET /store/my-group/groups/:id/messages ("Berichten"): sent and received, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  try {
    const messages = await listGroupMessages(req.scope, { customer_id: req.auth_context.actor_id, group_id: req.params.id })
    res.set("Cache-Control", "private, no-store")
    res.json({ messages })
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}

/**
 * POST /store/my-group/groups/:id/messages `{ to_group_id, first_name, message }`: a message
 * to another group's admin through the relay. Every refusal stores and sends nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreSendAdminMessageType>, res: MedusaResponse) {
  const { to_group_id, first_name, message } = req.validatedBody
  try {
    const { result } = await sendAdminMessageWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, group_id: req.params.id, to_group_id, first_name, message },
    })
    res.status(201).json({ message: result })
  } catch (error) {
    respondToSendError(req, res, error)
  }
}
