import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { noticeService } from "../../../../../utils/notices"

/** POST /admin/notices/authors/:id/disable: the account can no longer write notices (its notices stay). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = noticeService(req.scope)
  await service.retrieveNoticeAuthor(req.params.id)
  const author = await service.updateNoticeAuthors({ id: req.params.id, disabled_at: new Date() })
  res.json({ author: { id: author.id, disabled_at: author.disabled_at } })
}
