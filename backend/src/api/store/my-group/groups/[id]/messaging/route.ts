import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setGroupMessagingWorkflow } from "../../../../../../workflows/admin-messages/set-messaging"
import { respondToMessagingError } from "../../../../../utils/messaging-errors"
import type { StoreMyGroupMessagingType } from "../../../validators"

/**
 * POST /store/my-group/groups/:id/messaging `{ enabled }`: "Andere beheerders mogen mij een
 * bericht sturen". Applies at once; switching on only for an approved group.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreMyGroupMessagingType>, res: MedusaResponse) {
  try {
    const { result } = await setGroupMessagingWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, group_id: req.params.id, enabled: req.validatedBody.enabled },
    })
    res.set("Cache-Control", "private, no-store")
    res.json(result)
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
