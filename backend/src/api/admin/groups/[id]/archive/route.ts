import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveGroupWorkflow } from "../../../../../workflows/groups/archive-group"
import { retrieveAdminGroup } from "../../helpers"

/** POST /admin/groups/:id/archive: Archives a group: it disappears from the directory (approve restores it). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await archiveGroupWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ group: await retrieveAdminGroup(req.scope, req.params.id) })
}
