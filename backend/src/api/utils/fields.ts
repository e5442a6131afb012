/**
 * Zod field schemas shared by the store and admin routes, each with Dutch messages.
 * The rules themselves live in their domain's home (postcodes in the neighbourhood-group
 * module, phone numbers and e-mail addresses in src/lib); these turn them into fields.
 */
import { z } from "@medusajs/framework/zod"
import { toPc4, uniquePc4s } from "../../modules/neighbourhood-group/utils/postcode"
import { normaliseEmail } from "../../lib/email"
import { normalisePhone } from "../../lib/phone"
import { stripInvisible } from "../../lib/text-safety"

/** Required text between `min` and `max` characters after trimming. */
export const text = (required: string, min: number, tooShort: string, max: number, tooLong: string) =>
  z.string({ error: required }).trim().min(min, tooShort).max(max, tooLong)

/**
 * A listing's text (group name, place, admin name): invisible characters (zero-width,
 * soft hyphen, bidi controls) are dropped before the checks, so a name cannot hide
 * lookalike duplicates or a reversed text behind them.
 */
export const visibleText = (required: string, min: number, tooShort: string, max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" ? stripInvisible(v) : v), text(required, min, tooShort, max, tooLong))

/**
 * A free text of several lines (a message, a reply, a warning): invisible characters
 * (zero-width, soft hyphen, bidi controls) are dropped, and the length is counted with
 * every run of white space as one space, so spaces and invisibles cannot fill the
 * minimum. Nothing left (absent, empty, only spaces or invisibles) is `required`, a text
 * shorter than `min` is `tooShort`. The lines themselves are kept as written.
 */
export const messageText = (required: string, min: number, tooShort: string, max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? stripInvisible(v) : v),
    z
      .string({ error: required })
      .trim()
      .max(max, tooLong)
      .superRefine((v, ctx) => {
        const length = v.replace(/\s+/g, " ").length
        if (length === 0) ctx.addIssue({ code: "custom", message: required })
        else if (length < min) ctx.addIssue({ code: "custom", message: tooShort })
      })
  )

/** Optional text; an empty field counts as not given. */
export const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, tooLong).optional())

/** Optional free text without invisible characters; empty (or only invisibles) counts as not given. */
export const optionalVisibleText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" ? stripInvisible(v).replace(/[ \t]+/g, " ") : v), optionalText(max, tooLong))

/** Form posts and query strings send numbers as strings (with a Dutch decimal comma). */
export const numberFromForm = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v.replace(",", ".")) : v), schema)

/** An optional coordinate; "" (an empty form field) counts as not given. */
export const coordinateField = (message: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(",", "."))) : v),
    z.number({ error: message }).refine(Number.isFinite, message).min(min, message).max(max, message).optional()
  )
export const latitudeField = () => coordinateField("De breedtegraad is een getal, bijvoorbeeld 52,09", -90, 90)
export const longitudeField = () => coordinateField("De lengtegraad is een getal, bijvoorbeeld 5,12", -180, 180)

/** `limit` and `offset` of a list query. */
export const pagination = (defaultLimit: number, maxLimit: number) => ({
  limit: numberFromForm(
    z.number({ error: "limit is een getal" }).int("limit is een heel getal").min(1, "limit is minstens 1").max(maxLimit, `limit is hoogstens ${maxLimit}`)
  ).default(defaultLimit),
  offset: numberFromForm(z.number({ error: "offset is een getal" }).int("offset is een heel getal").min(0, "offset is 0 of meer")).default(0),
})

export const emailField = (required = "Vul een e-mailadres in") =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(254, "Een e-mailadres is hoogstens 254 tekens lang")
    .pipe(z.email({ error: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl" }))
    // one spelling per address (lib/email.ts): one identity, complete erasure
    .transform(normaliseEmail)

/** A phone number (src/lib/phone.ts), stored as +31612345678. */
export const phoneField = z
  .string({ error: "Vul een telefoonnummer in" })
  .trim()
  .min(1, "Vul een telefoonnummer in")
  .transform((value, ctx) => {
    const phone = normalisePhone(value)
    if (phone) return phone
    ctx.addIssue({ code: "custom", message: "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678" })
    return z.NEVER
  })

/** A list as a JSON array or one comma/space separated string (form posts). */
export const listFromForm = (v: unknown) => (typeof v === "string" ? v.split(/[,;\s]+/).filter(Boolean) : v)

const PC4_EXAMPLE = "gebruik vier cijfers, bijvoorbeeld 3581"

/**
 * A list of PC4s ("3581", "3581 AB", …) as an array or one comma/space separated string
 * ("3581 AB" stays together), sorted and without duplicates. `required`: the message for
 * an empty list, or undefined when an empty list is fine.
 */
export const pc4ListField = ({ max, required, listError }: { max: number; required?: string; listError: string }) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(/[,;\s]+(?![a-zA-Z]{2}\b)/).filter(Boolean) : v),
      z.array(z.string({ error: `Een postcode bestaat uit vier cijfers, bijvoorbeeld 3581` }), { error: listError })
    )
    .transform((values, ctx) => {
      const invalid = values.filter((v) => !toPc4(v))
      if (invalid.length) {
        ctx.addIssue({
          code: "custom",
          message:
            invalid.length === 1
              ? `"${invalid[0]}" is geen geldige postcode: ${PC4_EXAMPLE}`
              : `${invalid.map((v) => `"${v}"`).join(", ")} zijn geen geldige postcodes: ${PC4_EXAMPLE}`,
        })
        return z.NEVER
      }
      const pc4s = uniquePc4s(values.map((v) => toPc4(v)!))
      if (required && pc4s.length < 1) {
        ctx.addIssue({ code: "custom", message: required })
        return z.NEVER
      }
      if (pc4s.length > max) {
        ctx.addIssue({ code: "custom", message: `Geef hoogstens ${max} postcodes op` })
        return z.NEVER
      }
      return pc4s
    })
