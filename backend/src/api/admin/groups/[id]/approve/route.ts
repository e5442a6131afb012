import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveGroupWorkflow } from "../../../../../workflows/groups/approve-group"
import { moderate } from "../../helpers"
import type { AdminModerateGroupType } from "../../validators"

/**
 * POST /admin/groups/:id/approve { seen_updated_at }: approves the group as staff saw it
 * (409 when it changed since): it appears in the directory; its admin gets an e-mail.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminModerateGroupType>, res: MedusaResponse) {
  const { id } = req.params
  await moderate(req.scope, res, id, () =>
    approveGroupWorkflow(req.scope).run({ input: { id, seen_updated_at: req.validatedBody.seen_updated_at } })
  )
}
