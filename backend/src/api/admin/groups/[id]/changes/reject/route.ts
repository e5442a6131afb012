import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectGroupChangesWorkflow } from "../../../../../../workflows/groups/reject-group-changes"
import { moderate } from "../../../helpers"
import type { AdminRejectGroupChangesType } from "../../../validators"

/** POST /admin/groups/:id/changes/reject { reason?, seen_updated_at }: drops the pending change staff saw (the reason is mailed to the group's admin). */
export async function POST(req: AuthenticatedMedusaRequest<AdminRejectGroupChangesType>, res: MedusaResponse) {
  const { id } = req.params
  const { reason, seen_updated_at } = req.validatedBody
  await moderate(req.scope, res, id, () =>
    rejectGroupChangesWorkflow(req.scope).run({ input: { id, reason: reason ?? null, seen_updated_at } })
  )
}
