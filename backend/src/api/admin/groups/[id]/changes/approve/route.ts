import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveGroupChangesWorkflow } from "../../../../../../workflows/groups/approve-group-changes"
import { moderate } from "../../../helpers"
import type { AdminModerateGroupType } from "../../../validators"

/** POST /admin/groups/:id/changes/approve { seen_updated_at }: applies the pending change of name or location staff saw. */
export async function POST(req: AuthenticatedMedusaRequest<AdminModerateGroupType>, res: MedusaResponse) {
  const { id } = req.params
  await moderate(req.scope, res, id, () =>
    approveGroupChangesWorkflow(req.scope).run({ input: { id, seen_updated_at: req.validatedBody.seen_updated_at } })
  )
}
