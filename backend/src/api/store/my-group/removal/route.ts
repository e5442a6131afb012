import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeMyGroupWorkflow } from "../../../../workflows/my-group/remove-group"

/**
 * POST /store/my-group/removal: erases the signed-in admin's personal data (privacy
 * statement): their groups are archived and anonymised, their account and login deleted.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await removeMyGroupWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  res.json({ removed: true, archived_groups: result.group_ids.length })
}
