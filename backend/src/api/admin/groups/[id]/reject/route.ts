import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectGroupWorkflow } from "../../../../../workflows/groups/reject-group"
import { retrieveAdminGroup } from "../../helpers"
import type { AdminRejectGroupType } from "../../validators"

/** POST /admin/groups/:id/reject: Rejects a group with a reason (body: { reason }), which is e-mailed to its admin. */
export async function POST(req: AuthenticatedMedusaRequest<AdminRejectGroupType>, res: MedusaResponse) {
  await rejectGroupWorkflow(req.scope).run({ input: { id: req.params.id, reason: req.validatedBody.reason } })
  res.json({ group: await retrieveAdminGroup(req.scope, req.params.id) })
}
