import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendWarningWorkflow } from "../../../../../../workflows/admin-messages/send-warning"
import { respondToSendError } from "../../../../../utils/messaging-errors"
import type { StoreSendWarningType } from "../../../validators"

/**
 * POST /store/my-group/groups/:id/warnings `{ first_name, message, km }` ("Waarschuw
 * buurgroepen"): one relayed mail to each reachable nearby group's admin.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreSendWarningType>, res: MedusaResponse) {
  const { first_name, message, km } = req.validatedBody
  try {
    const { result } = await sendWarningWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, group_id: req.params.id, first_name, message, km },
    })
    res.status(201).json(result)
  } catch (error) {
    respondToSendError(req, res, error)
  }
}
