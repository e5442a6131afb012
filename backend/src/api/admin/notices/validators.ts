/**
 * Validation of the admin API of area notices, with a Dutch message per field (the
 * admin form shows them beside the fields): answered as
 * 400 { type: "invalid_data", message, errors: { field: message } }.
 */
import { z } from "@medusajs/framework/zod"
import { NOTICE_LIMITS } from "../../../modules/area-notice/models/area-notice"
import { NOTICE_STATUSES } from "../../../modules/area-notice/utils/targeting"
import { emailField, pagination } from "../../utils/fields"
import {
  authorLabelField,
  bodyField,
  endsAtField,
  municipalityCodesField,
  noticePostcodesField,
  noticeShape,
  startsAtField,
  titleField,
  withPeriod,
  withTarget,
} from "../../utils/notice-fields"

export const DEFAULT_AUTHOR_LABEL = "Buurtpreventie Shop"

/** POST /admin/notices */
export const AdminCreateNotice = withPeriod(
  withTarget(z.object({ ...noticeShape, author_label: authorLabelField.optional() }).strict(), true),
  true
)
export type AdminCreateNoticeType = z.infer<typeof AdminCreateNotice>

/** POST /admin/notices/authors: staff create a wijkagent/municipality account. */
export const AdminCreateNoticeAuthor = z
  .object({
    name: z.string({ error: "Vul een naam in" }).trim().min(2, "Vul een naam in (minstens 2 tekens)").max(80, "De naam mag hoogstens 80 tekens lang zijn"),
    email: emailField().transform((v) => v.toLowerCase()),
    organisation: z
      .string({ error: "Vul de organisatie in" })
      .trim()
      .min(2, "Vul de organisatie in, bijvoorbeeld Wijkagent Utrecht-Oost")
      .max(NOTICE_LIMITS.authorLabelMax, `De organisatie mag hoogstens ${NOTICE_LIMITS.authorLabelMax} tekens lang zijn`),
    municipality_codes: municipalityCodesField.refine((codes) => codes.length > 0, "Kies minstens één gemeente"),
    password: z
      .string({ error: "Kies een wachtwoord" })
      .min(12, "Het wachtwoord moet minstens 12 tekens lang zijn")
      .max(200, "Het wachtwoord mag hoogstens 200 tekens lang zijn"),
  })
  .strict()
export type AdminCreateNoticeAuthorType = z.infer<typeof AdminCreateNoticeAuthor>

/** POST /admin/notices/:id */
export const AdminUpdateNotice = withPeriod(
  withTarget(
    z
      .object({
        title: titleField.optional(),
        body: bodyField.optional(),
        municipality_codes: municipalityCodesField.optional(),
        postcodes: noticePostcodesField.optional(),
        starts_at: startsAtField.optional(),
        ends_at: endsAtField.optional(),
        author_label: authorLabelField.optional(),
      })
      .strict(),
    // on update a target is only checked when both lists are sent (the workflow checks the merged notice)
    false
  ),
  false
)
export type AdminUpdateNoticeType = z.infer<typeof AdminUpdateNotice>

/** GET /admin/notices */
export const AdminGetNoticesParams = z
  .object({
    status: z.enum(NOTICE_STATUSES, { error: `status is een van: ${NOTICE_STATUSES.join(", ")}` }).optional(),
    ...pagination(50, 100),
  })
  .strict()
export type AdminGetNoticesParamsType = z.infer<typeof AdminGetNoticesParams>
