import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { noticeService, serializeNotices } from "../../../../../../utils/notices"
import { withdrawAreaNoticeWorkflow } from "../../../../../../../workflows/notices/withdraw-notice"
import { currentAuthor } from "../../../helpers"

/** POST /store/notices/author/notices/:id/withdraw: an account withdraws one of its own notices. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const author = await currentAuthor(req)
  const [own] = await noticeService(req.scope).listAreaNotices({ id: req.params.id, created_by: author.id }, { select: ["id"] })
  if (!own) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Melding "${req.params.id}" niet gevonden`)
  const { result } = await withdrawAreaNoticeWorkflow(req.scope).run({ input: { id: own.id } })
  const [{ created_by, ...notice }] = await serializeNotices(req.scope, [result])
  res.json({ notice })
}
