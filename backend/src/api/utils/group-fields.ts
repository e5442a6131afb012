/**
 * The fields of a group listing, shared by registration (store), "Mijn groep" (store)
 * and staff edits (admin). The limits live in the neighbourhood-group module; the
 * bounds of a group's point in its geo utils.
 */
import { z } from "@medusajs/framework/zod"
import { MAX_GROUP_MEMBERS, MAX_GROUP_POSTCODES } from "../../modules/neighbourhood-group/models/neighbourhood-group"
import { isInNetherlands, isInNetherlandsOrBelgium } from "../../modules/neighbourhood-group/utils/geo"
import { containsLinkOrEmail } from "../../lib/text-safety"
import { emailField, latitudeField, longitudeField, numberFromForm, optionalText, pc4ListField, phoneField, visibleText } from "./fields"

const AT_LEAST_ONE_POSTCODE = "Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581)"

export const postcodesField = pc4ListField({ max: MAX_GROUP_POSTCODES, required: AT_LEAST_ONE_POSTCODE, listError: AT_LEAST_ONE_POSTCODE })

export const memberCountField = numberFromForm(
  z
    .number({ error: "Vul het aantal leden in (een getal)" })
    .int("Het aantal leden is een heel getal")
    .min(1, "Een groep heeft minstens 1 lid")
    .max(MAX_GROUP_MEMBERS, `Een WhatsApp-groep heeft hoogstens ${MAX_GROUP_MEMBERS} leden`)
)

/** Public, mailed text may carry no web or e-mail address (src/lib/text-safety.ts). */
const withoutLinks = (message: string) => [(value: string) => !containsLinkOrEmail(value), { error: message }] as const

export const groupNameField = visibleText(
  "Vul de naam van je groep in",
  3,
  "De naam van je groep moet minstens 3 tekens lang zijn",
  80,
  "De naam van je groep mag hoogstens 80 tekens lang zijn"
).refine(...withoutLinks("De naam van je groep mag geen webadres of e-mailadres bevatten"))
export const woonplaatsField = visibleText(
  "Vul je woonplaats in",
  2,
  "Vul je woonplaats in (minstens 2 tekens)",
  80,
  "De woonplaats mag hoogstens 80 tekens lang zijn"
).refine(...withoutLinks("De woonplaats mag geen webadres of e-mailadres bevatten"))
export const gemeenteField = optionalText(80, "De gemeente mag hoogstens 80 tekens lang zijn").refine(
  (value) => value === undefined || !containsLinkOrEmail(value),
  { error: "De gemeente mag geen webadres of e-mailadres bevatten" }
)
export const adminNameField = visibleText(
  "Vul je naam in",
  2,
  "Vul je naam in (minstens 2 tekens)",
  80,
  "Je naam mag hoogstens 80 tekens lang zijn"
)

/** The fields of a new group: registration (store) and staff adding one (admin). */
export const newGroupFields = {
  name: groupNameField,
  woonplaats: woonplaatsField,
  /** only needed before reference data is imported; otherwise derived from the postcodes */
  gemeente: gemeenteField,
  postcodes: postcodesField,
  member_count: memberCountField,
  lat: latitudeField(),
  lng: longitudeField(),
  admin_name: adminNameField,
  admin_email: emailField("Vul je e-mailadres in"),
  admin_phone: phoneField,
}

/**
 * A refinement for a body with optional `lat`/`lng`: both or neither, and inside the
 * area a group may lie in (registration: the Netherlands; edits: also Belgium, for
 * border groups). Reported under `lat`.
 */
export const pointWithin = (area: "nl" | "nl-be") => (value: { lat?: number | null; lng?: number | null }, ctx: z.RefinementCtx) => {
  const lat = value.lat ?? undefined
  const lng = value.lng ?? undefined
  if ((lat === undefined) !== (lng === undefined)) {
    ctx.addIssue({ code: "custom", path: ["lat"], message: "Geef zowel breedtegraad als lengtegraad op" })
  } else if (lat !== undefined && lng !== undefined) {
    const inside = area === "nl" ? isInNetherlands(lat, lng) : isInNetherlandsOrBelgium(lat, lng)
    if (!inside) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: area === "nl" ? "Dit punt ligt niet in Nederland" : "Dit punt ligt niet in Nederland of België" })
    }
  }
}

/**
 * `pointWithin` as two refinements that also run while other fields are wrong (zod runs a
 * refinement of an object only once every field is valid, unless `when` says otherwise),
 * so a form gets every error in one answer. Skipped only when lat or lng itself is wrong.
 */
export function refinePointWithin<T extends z.ZodType<{ lat?: number | null; lng?: number | null }>>(schema: T, area: "nl" | "nl-be"): T {
  const when = (payload: { issues: { path?: PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => issue.path?.[0] === "lat" || issue.path?.[0] === "lng")
  const given = (n: unknown): n is number => typeof n === "number"
  return schema
    .refine((v) => given(v?.lat) === given(v?.lng), { path: ["lat"], error: "Geef zowel breedtegraad als lengtegraad op", when })
    .refine(
      (v) =>
        !given(v?.lat) || !given(v?.lng) || (area === "nl" ? isInNetherlands(v.lat, v.lng) : isInNetherlandsOrBelgium(v.lat, v.lng)),
      { path: ["lat"], error: area === "nl" ? "Dit punt ligt niet in Nederland" : "Dit punt ligt niet in Nederland of België", when }
    ) as T
}
