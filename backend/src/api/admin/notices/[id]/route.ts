import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateAreaNoticeWorkflow } from "../../../../workflows/notices/update-notice"
import { deliverNow, respondToNoticeError } from "../../../utils/notices"
import { rejectUnknownCodes, retrieveAdminNotice, unknownMunicipalityCodes } from "../helpers"
import type { AdminUpdateNoticeType } from "../validators"

/** GET /admin/notices/:id */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ notice: await retrieveAdminNotice(req.scope, req.params.id) })
}

/** POST /admin/notices/:id: edit a notice that is not withdrawn; groups newly in its area are mailed. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateNoticeType>, res: MedusaResponse) {
  const body = req.validatedBody
  if (rejectUnknownCodes(res, await unknownMunicipalityCodes(req.scope, body.municipality_codes))) return
  let notice
  try {
    ;({ result: notice } = await updateAreaNoticeWorkflow(req.scope).run({ input: { id: req.params.id, update: body } }))
  } catch (error) {
    if (!respondToNoticeError(res, error)) throw error
    return
  }
  const delivered = await deliverNow(req.scope, notice)
  res.json({ notice: await retrieveAdminNotice(req.scope, req.params.id), delivered })
}
