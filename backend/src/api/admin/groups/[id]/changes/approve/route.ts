import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveGroupChangesWorkflow } from "../../../../../../workflows/groups/approve-group-changes"
import { respondToGroupError } from "../../../../../utils/group-errors"
import { retrieveAdminGroup } from "../../../helpers"

/** POST /admin/groups/:id/changes/approve: applies the group admin's pending change of name or location. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  try {
    await approveGroupChangesWorkflow(req.scope).run({ input: { id: req.params.id } })
  } catch (error) {
    if (!respondToGroupError(res, error)) throw error
    return
  }
  res.json({ group: await retrieveAdminGroup(req.scope, req.params.id) })
}
