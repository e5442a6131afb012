import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveGroupWorkflow } from "../../../../../workflows/groups/approve-group"
import { retrieveAdminGroup } from "../../helpers"

/** POST /admin/groups/:id/approve: Approves a group: it appears in the directory; its admin gets an e-mail. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await approveGroupWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ group: await retrieveAdminGroup(req.scope, req.params.id) })
}
