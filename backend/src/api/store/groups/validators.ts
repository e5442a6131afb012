/**
 * Validation of the group directory's store routes (registration, contact, search).
 * Invalid input is answered per field in Dutch by the middlewares in
 * src/api/middlewares/validation.ts; the shared fields live in src/api/utils.
 */
import { z } from "@medusajs/framework/zod"
import { containsLinkOrEmail, NOT_SINGLE_LINE } from "../../../lib/text-safety"
import { toPc4 } from "../../../modules/neighbourhood-group/utils/postcode"
import { emailField, optionalText, pagination, text } from "../../utils/fields"
import { newGroupFields, refinePointWithin } from "../../utils/group-fields"

/** Honeypot: hidden from people, filled by bots. Any value is accepted here; the route ignores such requests. */
const honeypotField = z.unknown().optional()

/** POST /store/groups */
export const StoreRegisterGroup = refinePointWithin(
    z
    .object({
      ...newGroupFields,
      accepted_rules: z.preprocess(
        (v) => (v === "true" || v === "on" || v === "1" ? true : v),
        z.literal(true, { error: "Ga akkoord met de gedragsregels om je groep aan te melden" })
      ),
      /** the registrant confirms a point far from the group's postcodes (see requireConfirmedFarPoint) */
      confirm_far_point: z.preprocess(
        (v) => (v === "true" || v === "on" || v === "1" ? true : v === "" || v === "false" ? false : v),
        z.boolean({ error: "Vink aan of het punt klopt" }).optional()
      ),
      website: honeypotField,
    })
    .strict(),
  "nl"
)
export type StoreRegisterGroupType = z.infer<typeof StoreRegisterGroup>

/** POST /store/groups/registrations/confirm: the token of the confirmation mail's link (43 base64url characters). */
export const StoreConfirmGroupRegistration = z
  .object({
    token: z
      .string({ error: "Deze bevestigingslink is onvolledig. Open de link uit de e-mail opnieuw." })
      .trim()
      .regex(/^[A-Za-z0-9_-]{20,128}$/, "Deze bevestigingslink is onvolledig. Open de link uit de e-mail opnieuw."),
  })
  .strict()
export type StoreConfirmGroupRegistrationType = z.infer<typeof StoreConfirmGroupRegistration>

/**
 * The sender's name in the contact relay: one line, no web or e-mail address. It is
 * printed in the shop's mail to the group's admin, so a name that continues on a new line
 * ("Piet\n\nShop: je groep verloopt, verleng via …") would read as the shop's own words.
 */
const senderNameField = text("Vul je naam in", 2, "Vul je naam in (minstens 2 tekens)", 80, "Je naam mag hoogstens 80 tekens lang zijn")
  .refine((value) => !NOT_SINGLE_LINE.test(value), { error: "Je naam moet op één regel staan, zonder tabs of regeleinden" })
  .refine((value) => !containsLinkOrEmail(value), { error: "Je naam mag geen webadres of e-mailadres bevatten" })

/** POST /store/groups/:slug/contact */
export const StoreContactGroup = z
  .object({
    name: senderNameField,
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
    ...pagination(20, 100),
  })
  .strict()
export type StoreGetGroupsParamsType = z.infer<typeof StoreGetGroupsParams>
