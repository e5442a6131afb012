import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializeNotices, noticeService } from "../../../../utils/notices"
import { currentAuthor } from "../helpers"

/** GET /store/notices/author/me: the signed-in account and the notices it wrote. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const author = await currentAuthor(req)
  const notices = await noticeService(req.scope).listAreaNotices({ created_by: author.id }, { order: { starts_at: "DESC" }, take: 100 })
  res.json({
    author: { name: author.name, email: author.email, organisation: author.organisation, municipality_codes: author.municipality_codes },
    notices: (await serializeNotices(req.scope, notices)).map(({ created_by, ...n }) => n),
  })
}
