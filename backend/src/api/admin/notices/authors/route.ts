import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createNoticeAuthorWorkflow } from "../../../../workflows/notices/create-notice-author"
import { fieldErrors, invalidDataBody } from "../../../middlewares/validation"
import { noticeService } from "../../../utils/notices"
import { rejectUnknownCodes, unknownMunicipalityCodes } from "../helpers"
import { AdminCreateNoticeAuthor } from "../validators"

const AUTHOR_FIELDS = ["id", "name", "email", "organisation", "municipality_codes", "disabled_at", "created_at"]

/** GET /admin/notices/authors: wijkagent/municipality accounts. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const authors = await noticeService(req.scope).listNoticeAuthors({}, { select: AUTHOR_FIELDS as any, order: { name: "ASC" } })
  res.json({ authors })
}

/**
 * POST /admin/notices/authors: create an account with its first password. Validated
 * here rather than in the middlewares: `/admin/notices/:id` would match this path too.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const parsed = AdminCreateNoticeAuthor.safeParse(req.body ?? {})
  if (!parsed.success) {
    res.status(400).json(invalidDataBody(fieldErrors(parsed.error)))
    return
  }
  if (rejectUnknownCodes(res, await unknownMunicipalityCodes(req.scope, parsed.data.municipality_codes))) return
  const { result } = await createNoticeAuthorWorkflow(req.scope).run({ input: parsed.data })
  const [author] = await noticeService(req.scope).listNoticeAuthors({ id: result.id }, { select: AUTHOR_FIELDS as any })
  res.status(201).json({ author })
}
