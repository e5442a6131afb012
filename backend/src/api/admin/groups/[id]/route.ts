import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateGroupWorkflow } from "../../../../workflows/groups/update-group"
import { respondToGroupError } from "../../../utils/group-errors"
import { retrieveAdminGroup } from "../helpers"
import type { AdminUpdateGroupType } from "../validators"

/** GET /admin/groups/:id */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ group: await retrieveAdminGroup(req.scope, req.params.id) })
}

/** POST /admin/groups/:id: edit a group. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateGroupType>, res: MedusaResponse) {
  try {
    await updateGroupWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  } catch (error) {
    if (!respondToGroupError(res, error)) throw error
    return
  }
  res.json({ group: await retrieveAdminGroup(req.scope, req.params.id) })
}
