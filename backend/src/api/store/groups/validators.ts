/**
 * Validation for the group directory's routes. The store's forms show an error per
 * field, in Dutch, so these middlewares answer invalid input with
 *
 *   400 { "type": "invalid_data", "message": "<all messages>", "errors": { "<field>": "<message>" } }
 *
 * instead of Medusa's single English message from validateAndTransformBody. They set
 * `req.validatedBody` / `req.validatedQuery` exactly like Medusa's own middlewares.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MAX_GROUP_MEMBERS } from "../../../modules/neighbourhood-group/models/neighbourhood-group"
import { isInNetherlands } from "../../../modules/neighbourhood-group/utils/geo"
import { toPc4, uniquePc4s } from "../../../modules/neighbourhood-group/utils/postcode"
import { findWhatsAppInviteLinks, INVITE_LINK_MESSAGE } from "../../../modules/neighbourhood-group/utils/whatsapp"
import { stripInvisible } from "../../../lib/text-safety"
import { DUPLICATE_GROUP_ERROR, GROUP_FIELD_ERROR } from "../../../workflows/groups/errors"
import { normaliseEmail } from "../../../lib/email"

export const MAX_POSTCODES = 20

// ---------------------------------------------------------------- field schemas

const text = (required: string, min: number, tooShort: string, max: number, tooLong: string) =>
  z.string({ error: required }).trim().min(min, tooShort).max(max, tooLong)

/**
 * A listing's text (group name, place, admin name): invisible characters (zero-width,
 * soft hyphen, bidi controls) are dropped before the checks, so a name cannot hide
 * lookalike duplicates or a reversed text behind them.
 */
const visibleText = (required: string, min: number, tooShort: string, max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" ? stripInvisible(v) : v), text(required, min, tooShort, max, tooLong))

const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, tooLong).optional())

/** Form posts send numbers as strings. */
const numberFromForm = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v.replace(",", ".")) : v), schema)

export const emailField = (required = "Vul een e-mailadres in") =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(254, "Een e-mailadres is hoogstens 254 tekens lang")
    .pipe(z.email({ error: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl" }))
    // one spelling per address (lib/email.ts): one identity, complete erasure
    .transform(normaliseEmail)

/** Dutch numbers (06 12345678, 020-1234567, +31 6 …) and other international numbers, stored as +31612345678. */
export const phoneField = z
  .string({ error: "Vul een telefoonnummer in" })
  .trim()
  .min(1, "Vul een telefoonnummer in")
  .transform((value, ctx) => {
    const digits = value.replace(/[\s().\-/]/g, "")
    const dutch = /^0([1-9][0-9]{8})$/.exec(digits)
    if (dutch) return `+31${dutch[1]}`
    const international = /^(?:\+|00)([1-9][0-9]{7,14})$/.exec(digits)
    if (international && (!international[1].startsWith("31") || /^31[1-9][0-9]{8}$/.test(international[1]))) {
      return `+${international[1]}`
    }
    ctx.addIssue({ code: "custom", message: "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678" })
    return z.NEVER
  })

/** A list of PC4s ("3581", "3581 AB", …) as an array or one comma/space separated string. */
export const postcodesField = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/[,;\s]+(?![a-zA-Z]{2}\b)/).filter(Boolean) : v),
    z.array(z.string({ error: "Een postcode bestaat uit vier cijfers, bijvoorbeeld 3581" }), {
      error: "Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581)",
    })
  )
  .transform((values, ctx) => {
    const invalid = values.filter((v) => !toPc4(v))
    if (invalid.length) {
      ctx.addIssue({
        code: "custom",
        message:
          invalid.length === 1
            ? `"${invalid[0]}" is geen geldige postcode: gebruik vier cijfers, bijvoorbeeld 3581`
            : `${invalid.map((v) => `"${v}"`).join(", ")} zijn geen geldige postcodes: gebruik vier cijfers, bijvoorbeeld 3581`,
      })
      return z.NEVER
    }
    const pc4s = uniquePc4s(values.map((v) => toPc4(v)!))
    if (pc4s.length < 1) {
      ctx.addIssue({ code: "custom", message: "Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581)" })
      return z.NEVER
    }
    if (pc4s.length > MAX_POSTCODES) {
      ctx.addIssue({ code: "custom", message: `Geef hoogstens ${MAX_POSTCODES} postcodes op` })
      return z.NEVER
    }
    return pc4s
  })

export const memberCountField = numberFromForm(
  z
    .number({ error: "Vul het aantal leden in (een getal)" })
    .int("Het aantal leden is een heel getal")
    .min(1, "Een groep heeft minstens 1 lid")
    .max(MAX_GROUP_MEMBERS, `Een WhatsApp-groep heeft hoogstens ${MAX_GROUP_MEMBERS} leden`)
)

const latField = numberFromForm(z.number({ error: "De breedtegraad is een getal" }).min(-90).max(90)).optional()
const lngField = numberFromForm(z.number({ error: "De lengtegraad is een getal" }).min(-180).max(180)).optional()

/** Honeypot: hidden from people, filled by bots. Any value is accepted here; the route ignores such requests. */
const honeypotField = z.unknown().optional()

export const groupNameField = visibleText(
  "Vul de naam van je groep in",
  3,
  "De naam van je groep moet minstens 3 tekens lang zijn",
  80,
  "De naam van je groep mag hoogstens 80 tekens lang zijn"
)
export const woonplaatsField = visibleText(
  "Vul je woonplaats in",
  2,
  "Vul je woonplaats in (minstens 2 tekens)",
  80,
  "De woonplaats mag hoogstens 80 tekens lang zijn"
)
export const gemeenteField = optionalText(80, "De gemeente mag hoogstens 80 tekens lang zijn")
export const adminNameField = visibleText(
  "Vul je naam in",
  2,
  "Vul je naam in (minstens 2 tekens)",
  80,
  "Je naam mag hoogstens 80 tekens lang zijn"
)

const inNetherlands = (value: { lat?: number; lng?: number }, ctx: z.RefinementCtx) => {
  if ((value.lat === undefined) !== (value.lng === undefined)) {
    ctx.addIssue({ code: "custom", path: ["lat"], message: "Geef zowel breedtegraad als lengtegraad op" })
  } else if (value.lat !== undefined && !isInNetherlands(value.lat, value.lng!)) {
    ctx.addIssue({ code: "custom", path: ["lat"], message: "Dit punt ligt niet in Nederland" })
  }
}

// ---------------------------------------------------------------- store schemas

/** POST /store/groups */
export const StoreRegisterGroup = z
  .object({
    name: groupNameField,
    woonplaats: woonplaatsField,
    /** only needed before reference data is imported; otherwise derived from the postcodes */
    gemeente: gemeenteField,
    postcodes: postcodesField,
    member_count: memberCountField,
    lat: latField,
    lng: lngField,
    admin_name: adminNameField,
    admin_email: emailField("Vul je e-mailadres in"),
    admin_phone: phoneField,
    accepted_rules: z.preprocess(
      (v) => (v === "true" || v === "on" || v === "1" ? true : v),
      z.literal(true, { error: "Ga akkoord met de gedragsregels om je groep aan te melden" })
    ),
    website: honeypotField,
  })
  .strict()
  .superRefine(inNetherlands)
export type StoreRegisterGroupType = z.infer<typeof StoreRegisterGroup>

/** POST /store/groups/:slug/contact */
export const StoreContactGroup = z
  .object({
    name: text("Vul je naam in", 2, "Vul je naam in (minstens 2 tekens)", 80, "Je naam mag hoogstens 80 tekens lang zijn"),
    email: emailField("Vul je e-mailadres in, zodat de beheerder je kan antwoorden"),
    message: text(
      "Schrijf een bericht",
      10,
      "Je bericht moet minstens 10 tekens lang zijn",
      2000,
      "Je bericht mag hoogstens 2000 tekens lang zijn"
    ),
    website: honeypotField,
  })
  .strict()
export type StoreContactGroupType = z.infer<typeof StoreContactGroup>

const BBOX_MESSAGE = "Geef bbox als minLng,minLat,maxLng,maxLat, bijvoorbeeld 4.8,52.3,5.0,52.4"

/** GET /store/groups */
export const StoreGetGroupsParams = z
  .object({
    q: optionalText(100, "Zoek met hoogstens 100 tekens"),
    gemeente: optionalText(100, "De gemeente mag hoogstens 100 tekens lang zijn"),
    postcode: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const pc4 = toPc4(value)
        if (!pc4) {
          ctx.addIssue({ code: "custom", message: "Vul een geldige postcode in, bijvoorbeeld 3581 of 3581 AB" })
          return z.NEVER
        }
        return pc4
      })
      .optional(),
    bbox: z
      .string()
      .transform((value, ctx) => {
        const parts = value.split(",").map((p) => Number(p.trim()))
        const [minLng, minLat, maxLng, maxLat] = parts
        const valid =
          parts.length === 4 &&
          parts.every(Number.isFinite) &&
          minLng >= -180 && maxLng <= 180 && minLat >= -90 && maxLat <= 90 &&
          minLng < maxLng && minLat < maxLat
        if (!valid) {
          ctx.addIssue({ code: "custom", message: BBOX_MESSAGE })
          return z.NEVER
        }
        return parts as [number, number, number, number]
      })
      .optional(),
    limit: numberFromForm(z.number({ error: "limit is een getal" }).int("limit is een heel getal").min(1, "limit is minstens 1").max(100, "limit is hoogstens 100")).default(20),
    offset: numberFromForm(z.number({ error: "offset is een getal" }).int("offset is een heel getal").min(0, "offset is 0 of meer")).default(0),
  })
  .strict()
export type StoreGetGroupsParamsType = z.infer<typeof StoreGetGroupsParams>

/** GET /store/municipalities */
export const StoreGetMunicipalitiesParams = z
  .object({
    q: optionalText(100, "Zoek met hoogstens 100 tekens"),
    province: optionalText(100, "De provincie mag hoogstens 100 tekens lang zijn"),
    with_groups: z.enum(["true", "false"], { error: "with_groups is true of false" }).optional(),
    limit: numberFromForm(z.number({ error: "limit is een getal" }).int("limit is een heel getal").min(1, "limit is minstens 1").max(500, "limit is hoogstens 500")).default(50),
    offset: numberFromForm(z.number({ error: "offset is een getal" }).int("offset is een heel getal").min(0, "offset is 0 of meer")).default(0),
  })
  .strict()
export type StoreGetMunicipalitiesParamsType = z.infer<typeof StoreGetMunicipalitiesParams>

// ---------------------------------------------------------------- middlewares

export type FieldErrors = Record<string, string>

/** Field name → first message; problems with the whole body go under "_". */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors[key] ??= `Onbekend veld "${key}"`
      continue
    }
    const field = issue.path.length ? String(issue.path[0]) : "_"
    errors[field] ??= issue.message
  }
  return errors
}

export function invalidDataBody(errors: FieldErrors) {
  return { type: "invalid_data", message: [...new Set(Object.values(errors))].join(". "), errors }
}

function validate(schema: z.ZodType, source: "body" | "query") {
  return async function validateWithFieldErrors(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const input = source === "body" ? (req.body ?? {}) : req.query
    const result = await schema.safeParseAsync(input)
    if (!result.success) {
      res.status(400).json(invalidDataBody(fieldErrors(result.error)))
      return
    }
    if (source === "body") req.validatedBody = result.data
    else req.validatedQuery = result.data as MedusaRequest["validatedQuery"]
    next()
  }
}

/** Like Medusa's validateAndTransformBody, with an error per field. */
export const validateBodyWithFieldErrors = (schema: z.ZodType) => validate(schema, "body")
/** Like Medusa's validateAndTransformQuery (without `fields`), with an error per field. */
export const validateQueryWithFieldErrors = (schema: z.ZodType) => validate(schema, "query")

/**
 * Refuses any body containing something that looks like a WhatsApp invite link
 * (chat.whatsapp.com, wa.me, …), in any field, before anything else happens.
 */
export function refuseWhatsAppInviteLinks() {
  return function refuseInviteLinks(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const found = findWhatsAppInviteLinks(req.body)
    if (found.length) {
      const errors: FieldErrors = {}
      for (const path of found) errors[path[0] ?? "_"] = INVITE_LINK_MESSAGE
      res.status(400).json({ type: "invalid_data", message: INVITE_LINK_MESSAGE, errors })
      return
    }
    next()
  }
}

/**
 * Answers the group workflows' own errors (a field the database knows is wrong,
 * a duplicate group) like the validation errors above. Returns false for any other
 * error, which the caller rethrows to Medusa's error handler.
 */
export function respondToGroupError(res: MedusaResponse, error: unknown): boolean {
  const err = error as { code?: string; field?: string; message?: string }
  if (err?.code === GROUP_FIELD_ERROR && err.field) {
    res.status(400).json(invalidDataBody({ [err.field]: err.message ?? "Ongeldige invoer" }))
    return true
  }
  if (err?.code === DUPLICATE_GROUP_ERROR) {
    res.status(409).json({ type: "duplicate_error", message: err.message })
    return true
  }
  return false
}
