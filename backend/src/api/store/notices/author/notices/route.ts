import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deliverNow, respondToNoticeError, serializeNotices } from "../../../../utils/notices"
import type { AuthorCreateNoticeType } from "../validators"
import { createAuthorNoticeWorkflow } from "../../../../../workflows/notices/create-author-notice"
import { currentAuthor } from "../helpers"

/** POST /store/notices/author/notices: a wijkagent/municipality account writes a notice for its own area. */
export async function POST(req: AuthenticatedMedusaRequest<AuthorCreateNoticeType>, res: MedusaResponse) {
  const author = await currentAuthor(req)
  const body = req.validatedBody
  let notice
  try {
    ;({ result: notice } = await createAuthorNoticeWorkflow(req.scope).run({
      input: { ...body, starts_at: body.starts_at ?? new Date(), author_id: author.id },
    }))
  } catch (error) {
    if (!respondToNoticeError(res, error)) throw error
    return
  }
  const delivered = await deliverNow(req.scope, notice)
  const [{ created_by, ...serialized }] = await serializeNotices(req.scope, [notice])
  res.status(201).json({ notice: serialized, delivered })
}
