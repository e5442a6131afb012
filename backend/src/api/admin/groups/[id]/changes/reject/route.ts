import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectGroupChangesWorkflow } from "../../../../../../workflows/groups/reject-group-changes"
import { retrieveAdminGroup } from "../../../helpers"
import type { AdminRejectGroupChangesType } from "../../../validators"

/** POST /admin/groups/:id/changes/reject: drops the pending change (body: { reason? }, mailed to the group's admin). */
export async function POST(req: AuthenticatedMedusaRequest<AdminRejectGroupChangesType>, res: MedusaResponse) {
  await rejectGroupChangesWorkflow(req.scope).run({ input: { id: req.params.id, reason: req.validatedBody.reason ?? null } })
  res.json({ group: await retrieveAdminGroup(req.scope, req.params.id) })
}
