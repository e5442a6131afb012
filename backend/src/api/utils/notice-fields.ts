/**
 * The fields of an area notice, shared by staff (POST /admin/notices) and
 * wijkagent/municipality accounts (POST /store/notices/author/notices).
 */
import { z } from "@medusajs/framework/zod"
import { NOTICE_LIMITS } from "../../modules/area-notice/models/area-notice"
import { isMunicipalityCode, MUNICIPALITY_CODE_EXAMPLE } from "../../modules/neighbourhood-group/utils/postcode"
import { listFromForm, pc4ListField } from "./fields"

export const municipalityCodesField = z
  .preprocess(listFromForm, z.array(z.string({ error: MUNICIPALITY_CODE_EXAMPLE }), { error: "Geef de gemeentecodes als lijst" }))
  .transform((values, ctx) => {
    const codes = values.map((v) => v.trim())
    const invalid = codes.filter((c) => !isMunicipalityCode(c))
    if (invalid.length) {
      ctx.addIssue({ code: "custom", message: `${invalid.map((v) => `"${v}"`).join(", ")}: ${MUNICIPALITY_CODE_EXAMPLE.toLowerCase()}` })
      return z.NEVER
    }
    const unique = [...new Set(codes)].sort()
    if (unique.length > NOTICE_LIMITS.targetsMax) {
      ctx.addIssue({ code: "custom", message: `Kies hoogstens ${NOTICE_LIMITS.targetsMax} gemeenten` })
      return z.NEVER
    }
    return unique
  })

export const noticePostcodesField = pc4ListField({ max: NOTICE_LIMITS.targetsMax, listError: "Geef de postcodes als lijst" })

const dateField = (required: string, invalid: string) =>
  z.union([z.string({ error: required }), z.date()], { error: required }).transform((value, ctx) => {
    const date = value instanceof Date ? value : value.trim() ? new Date(value.trim()) : null
    if (!date || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: typeof value === "string" && !value.trim() ? required : invalid })
      return z.NEVER
    }
    return date
  })

export const titleField = z
  .string({ error: "Vul een titel in" })
  .trim()
  .min(1, "Vul een titel in")
  .max(NOTICE_LIMITS.titleMax, `De titel mag hoogstens ${NOTICE_LIMITS.titleMax} tekens lang zijn`)
export const bodyField = z
  .string({ error: "Schrijf de melding" })
  .trim()
  .min(1, "Schrijf de melding")
  .max(NOTICE_LIMITS.bodyMax, `De melding mag hoogstens ${NOTICE_LIMITS.bodyMax} tekens lang zijn`)
export const authorLabelField = z
  .string({ error: "Vul in namens wie de melding is" })
  .trim()
  .min(2, "Vul in namens wie de melding is, bijvoorbeeld Wijkagent Utrecht-Oost")
  .max(NOTICE_LIMITS.authorLabelMax, `"Namens" mag hoogstens ${NOTICE_LIMITS.authorLabelMax} tekens lang zijn`)
export const startsAtField = dateField("Vul een begindatum in", "Vul een geldige begindatum in")
export const endsAtField = dateField("Vul een einddatum in", "Vul een geldige einddatum in")

/**
 * Cross-field checks run even when single fields failed (`when`), so a form shows
 * every problem at once. Fields that failed on their own are left out here.
 */
const always = { when: () => true }
const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string")

export function withTarget<T extends z.ZodType>(schema: T, requireTarget: boolean): T {
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

export function withPeriod<T extends z.ZodType>(schema: T, startDefaultsToNow: boolean): T {
  return schema.refine(
    (value: any) => {
      const starts = value?.starts_at instanceof Date ? value.starts_at : value?.starts_at === undefined && startDefaultsToNow ? new Date() : null
      const ends = value?.ends_at instanceof Date ? value.ends_at : null
      return !starts || !ends || ends.getTime() > starts.getTime()
    },
    { ...always, path: ["ends_at"], message: "De einddatum moet na de begindatum liggen" }
  ) as unknown as T
}

export const noticeShape = {
  title: titleField,
  body: bodyField,
  municipality_codes: municipalityCodesField.default([]),
  postcodes: noticePostcodesField.default([]),
  /** default: now */
  starts_at: startsAtField.optional(),
  ends_at: endsAtField,
}
