/**
 * Validation of the admin API of area notices, with a Dutch message per field (the
 * admin form shows them beside the fields): answered as
 * 400 { type: "invalid_data", message, errors: { field: message } }.
 */
import { z } from "@medusajs/framework/zod"
import { NOTICE_LIMITS } from "../../../modules/area-notice/models/area-notice"
import { NOTICE_STATUSES } from "../../../modules/area-notice/utils/targeting"
import { toPc4, uniquePc4s } from "../../../modules/neighbourhood-group/utils/postcode"
import { emailField } from "../../store/groups/validators"

export const DEFAULT_AUTHOR_LABEL = "Buurtpreventie Shop"

/** A list as a JSON array or one comma/space separated string (form posts). */
const list = (v: unknown) => (typeof v === "string" ? v.split(/[,;\s]+/).filter(Boolean) : v)
/** Like `list`, keeping "3581 AB" together. */
const postcodeList = (v: unknown) => (typeof v === "string" ? v.split(/[,;\s]+(?![a-zA-Z]{2}\b)/).filter(Boolean) : v)

const municipalityCodesField = z
  .preprocess(list, z.array(z.string({ error: "Een gemeentecode heeft vier cijfers, bijvoorbeeld 0344" }), { error: "Geef de gemeentecodes als lijst" }))
  .transform((values, ctx) => {
    const codes = values.map((v) => v.trim())
    const invalid = codes.filter((c) => !/^[0-9]{4}$/.test(c))
    if (invalid.length) {
      ctx.addIssue({ code: "custom", message: `${invalid.map((v) => `"${v}"`).join(", ")}: een CBS-gemeentecode heeft vier cijfers, bijvoorbeeld 0344` })
      return z.NEVER
    }
    const unique = [...new Set(codes)].sort()
    if (unique.length > NOTICE_LIMITS.targetsMax) {
      ctx.addIssue({ code: "custom", message: `Kies hoogstens ${NOTICE_LIMITS.targetsMax} gemeenten` })
      return z.NEVER
    }
    return unique
  })

const postcodesField = z
  .preprocess(postcodeList, z.array(z.string({ error: "Een postcode bestaat uit vier cijfers, bijvoorbeeld 3581" }), { error: "Geef de postcodes als lijst" }))
  .transform((values, ctx) => {
    const invalid = values.filter((v) => !toPc4(v))
    if (invalid.length) {
      ctx.addIssue({ code: "custom", message: `${invalid.map((v) => `"${v}"`).join(", ")}: een postcode bestaat uit vier cijfers, bijvoorbeeld 3581` })
      return z.NEVER
    }
    const pc4s = uniquePc4s(values.map((v) => toPc4(v)!))
    if (pc4s.length > NOTICE_LIMITS.targetsMax) {
      ctx.addIssue({ code: "custom", message: `Geef hoogstens ${NOTICE_LIMITS.targetsMax} postcodes op` })
      return z.NEVER
    }
    return pc4s
  })

const dateField = (required: string, invalid: string) =>
  z.union([z.string({ error: required }), z.date()], { error: required }).transform((value, ctx) => {
    const date = value instanceof Date ? value : value.trim() ? new Date(value.trim()) : null
    if (!date || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: typeof value === "string" && !value.trim() ? required : invalid })
      return z.NEVER
    }
    return date
  })

const titleField = z
  .string({ error: "Vul een titel in" })
  .trim()
  .min(1, "Vul een titel in")
  .max(NOTICE_LIMITS.titleMax, `De titel mag hoogstens ${NOTICE_LIMITS.titleMax} tekens lang zijn`)
const bodyField = z
  .string({ error: "Schrijf de melding" })
  .trim()
  .min(1, "Schrijf de melding")
  .max(NOTICE_LIMITS.bodyMax, `De melding mag hoogstens ${NOTICE_LIMITS.bodyMax} tekens lang zijn`)
const authorLabelField = z
  .string({ error: "Vul in namens wie de melding is" })
  .trim()
  .min(2, "Vul in namens wie de melding is, bijvoorbeeld Wijkagent Utrecht-Oost")
  .max(NOTICE_LIMITS.authorLabelMax, `"Namens" mag hoogstens ${NOTICE_LIMITS.authorLabelMax} tekens lang zijn`)
const startsAtField = dateField("Vul een begindatum in", "Vul een geldige begindatum in")
const endsAtField = dateField("Vul een einddatum in", "Vul een geldige einddatum in")

/**
 * Cross-field checks run even when single fields failed (`when`), so a form shows
 * every problem at once. Fields that failed on their own are left out here.
 */
const always = { when: () => true }
const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string")

function withTarget<T extends z.ZodType>(schema: T, requireTarget: boolean): T {
  return schema.refine(
    (value: any) => {
      const codes = value?.municipality_codes
      const postcodes = value?.postcodes
      if (!requireTarget && (codes === undefined || postcodes === undefined)) return true
      if (!isList(codes ?? []) || !isList(postcodes ?? [])) return true
      return (codes ?? []).length + (postcodes ?? []).length > 0
    },
    { ...always, path: ["municipality_codes"], message: "Kies minstens één gemeente of postcodegebied (PC4)" }
  ) as unknown as T
}

function withPeriod<T extends z.ZodType>(schema: T, startDefaultsToNow: boolean): T {
  return schema.refine(
    (value: any) => {
      const starts = value?.starts_at instanceof Date ? value.starts_at : value?.starts_at === undefined && startDefaultsToNow ? new Date() : null
      const ends = value?.ends_at instanceof Date ? value.ends_at : null
      return !starts || !ends || ends.getTime() > starts.getTime()
    },
    { ...always, path: ["ends_at"], message: "De einddatum moet na de begindatum liggen" }
  ) as unknown as T
}

const noticeShape = {
  title: titleField,
  body: bodyField,
  municipality_codes: municipalityCodesField.default([]),
  postcodes: postcodesField.default([]),
  /** default: now */
  starts_at: startsAtField.optional(),
  ends_at: endsAtField,
}

/** POST /admin/notices */
export const AdminCreateNotice = withPeriod(
  withTarget(z.object({ ...noticeShape, author_label: authorLabelField.optional() }).strict(), true),
  true
)
export type AdminCreateNoticeType = z.infer<typeof AdminCreateNotice>

/** POST /store/notices/author/notices: a wijkagent/municipality account signs with its organisation. */
export const AuthorCreateNotice = withPeriod(withTarget(z.object(noticeShape).strict(), true), true)
export type AuthorCreateNoticeType = z.infer<typeof AuthorCreateNotice>

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
        postcodes: postcodesField.optional(),
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

const numberFromQuery = (schema: z.ZodNumber) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), schema)

/** GET /admin/notices */
export const AdminGetNoticesParams = z
  .object({
    status: z.enum(NOTICE_STATUSES, { error: `status is een van: ${NOTICE_STATUSES.join(", ")}` }).optional(),
    limit: numberFromQuery(z.number({ error: "limit is een getal" }).int("limit is een heel getal").min(1, "limit is minstens 1").max(100, "limit is hoogstens 100")).default(50),
    offset: numberFromQuery(z.number({ error: "offset is een getal" }).int("offset is een heel getal").min(0, "offset is 0 of meer")).default(0),
  })
  .strict()
export type AdminGetNoticesParamsType = z.infer<typeof AdminGetNoticesParams>
