import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withdrawAreaNoticeWorkflow } from "../../../../../workflows/notices/withdraw-notice"
import { retrieveAdminNotice } from "../../helpers"

/** POST /admin/notices/:id/withdraw: hide the notice and stop its delivery. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await withdrawAreaNoticeWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ notice: await retrieveAdminNotice(req.scope, req.params.id) })
}
