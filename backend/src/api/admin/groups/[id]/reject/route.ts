import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectGroupWorkflow } from "../../../../../workflows/groups/reject-group"
import { moderate } from "../../helpers"
import type { AdminRejectGroupType } from "../../validators"

/** POST /admin/groups/:id/reject { reason, seen_updated_at }: rejects the group as staff saw it; the reason is e-mailed to its admin. */
export async function POST(req: AuthenticatedMedusaRequest<AdminRejectGroupType>, res: MedusaResponse) {
  const { id } = req.params
  const { reason, seen_updated_at } = req.validatedBody
  await moderate(req.scope, res, id, () => rejectGroupWorkflow(req.scope).run({ input: { id, reason, seen_updated_at } }))
}
