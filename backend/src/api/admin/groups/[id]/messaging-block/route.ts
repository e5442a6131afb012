import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setMessagingBlockWorkflow } from "../../../../../workflows/admin-messages/set-messaging-block"
import { respondToMessagingError } from "../../../../utils/messaging-errors"
import type { AdminMessagingBlockType } from "../../validators"

/**
 * POST /admin/groups/:id/messaging-block `{ blocked, reason? }`: staff stop (or allow again)
 * the group's admin sending messages to other admins, across all of that admin's groups.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMessagingBlockType>, res: MedusaResponse) {
  try {
    const { result } = await setMessagingBlockWorkflow(req.scope).run({
      input: { group_id: req.params.id, ...req.validatedBody, staff_user_id: req.auth_context?.actor_id ?? null },
    })
    res.json(result)
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
