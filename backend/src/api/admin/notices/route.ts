import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createAreaNoticeWorkflow } from "../../../workflows/notices/create-notice"
import { deliverNow, noticeService, respondToNoticeError, serializeNotices } from "../../utils/notices"
import { rejectUnknownCodes, unknownMunicipalityCodes } from "./helpers"
import { DEFAULT_AUTHOR_LABEL, type AdminCreateNoticeType, type AdminGetNoticesParamsType } from "./validators"

/** GET /admin/notices: notices, newest start first, with status and delivery count; `status` filters. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetNoticesParamsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery as unknown as AdminGetNoticesParamsType
  const now = new Date()
  const filters: Record<string, unknown> =
    status === "withdrawn"
      ? { withdrawn_at: { $ne: null } }
      : status === "planned"
        ? { withdrawn_at: null, starts_at: { $gt: now } }
        : status === "ended"
          ? { withdrawn_at: null, ends_at: { $lte: now } }
          : status === "current"
            ? { withdrawn_at: null, starts_at: { $lte: now }, ends_at: { $gt: now } }
            : {}
  const [notices, count] = await noticeService(req.scope).listAndCountAreaNotices(filters, {
    skip: offset,
    take: limit,
    order: { starts_at: "DESC", created_at: "DESC" },
  })
  res.json({ notices: await serializeNotices(req.scope, notices), count, offset, limit })
}

/** POST /admin/notices: write a notice; when it is current, its groups are mailed at once. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateNoticeType>, res: MedusaResponse) {
  const body = req.validatedBody
  if (rejectUnknownCodes(res, await unknownMunicipalityCodes(req.scope, body.municipality_codes))) return
  let notice
  try {
    ;({ result: notice } = await createAreaNoticeWorkflow(req.scope).run({
      input: {
        ...body,
        starts_at: body.starts_at ?? new Date(),
        author_label: body.author_label ?? DEFAULT_AUTHOR_LABEL,
        created_by: req.auth_context?.actor_id ?? null,
      },
    }))
  } catch (error) {
    if (!respondToNoticeError(res, error)) throw error
    return
  }
  const delivered = await deliverNow(req.scope, notice)
  const [serialized] = await serializeNotices(req.scope, [notice])
  res.status(201).json({ notice: serialized, delivered })
}
