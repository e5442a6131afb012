import { z } from "@medusajs/framework/zod"
import { containsPhoneNumber } from "../../../lib/phone"
import { containsLinkOrEmail, NOT_SINGLE_LINE } from "../../../lib/text-safety"
import { latitudeField, longitudeField, messageText, pagination, visibleText } from "../../utils/fields"
import { groupNameField, memberCountField, pointWithin, postcodesField, woonplaatsField } from "../../utils/group-fields"

/** POST /store/my-group/groups/:id: the admin edits the listing; every field optional. */
export const StoreUpdateMyGroup = z
  .object({
    name: groupNameField.optional(),
    woonplaats: woonplaatsField.optional(),
    postcodes: postcodesField.optional(),
    member_count: memberCountField.optional(),
    lat: latitudeField(),
    lng: longitudeField(),
  })
  .strict()
  .superRefine(pointWithin("nl-be"))
export type StoreUpdateMyGroupType = z.infer<typeof StoreUpdateMyGroup>

/** POST /store/my-group/removal: the admin confirms explicitly (the storefront asks first). */
export const StoreRemoveMyData = z
  .object({
    confirm: z.preprocess(
      (v) => (v === "true" || v === "on" ? true : v),
      z.literal(true, { error: "Bevestig dat je je gegevens wilt laten verwijderen" })
    ),
  })
  .strict()

/** POST /store/my-group/groups/:id/messaging: "Andere beheerders mogen mij een bericht sturen" (a checkbox or JSON). */
export const StoreMyGroupMessaging = z
  .object({
    enabled: z.preprocess(
      (v) => (v === "true" || v === "on" || v === "1" ? true : v === "false" || v === "0" || v === "" ? false : v),
      z.boolean({ error: "Kies of andere beheerders je een bericht mogen sturen" })
    ),
  })
  .strict()
export type StoreMyGroupMessagingType = z.infer<typeof StoreMyGroupMessaging>

/** The radii an admin may choose for nearby groups and warnings. */
export const NEARBY_KMS = [1, 2, 5] as const
const KM_MESSAGE = "Kies 1, 2 of 5 km."
const kmField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.replace(",", ".")) : v),
  z.union(NEARBY_KMS.map((km) => z.literal(km)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<5>], { error: KM_MESSAGE })
)

/** GET /store/my-group/groups/:id/conversations?limit=&offset= ("Berichten", 20 a page, at most 50). */
export const StoreConversationsParams = z.object({ ...pagination(20, 50) }).strict()
export type StoreConversationsParamsType = z.infer<typeof StoreConversationsParams>

/** GET /store/my-group/groups/:id/nearby?km=1|2|5 */
export const StoreNearbyGroupsParams = z.object({ km: kmField.default(2) }).strict()
export type StoreNearbyGroupsParamsType = z.infer<typeof StoreNearbyGroupsParams>

/**
 * The sender's first name in the admin relay: one line, no web or e-mail address and no
 * phone number. The receiver sees it next to the group's name; contact details go in the
 * message, where the sender chooses to share them.
 */
const firstNameField = visibleText("Vul je voornaam in", 1, "Vul je voornaam in", 40, "Je voornaam mag hoogstens 40 tekens lang zijn")
  .refine((v) => !NOT_SINGLE_LINE.test(v), { error: "Je voornaam moet op één regel staan" })
  .refine((v) => !containsLinkOrEmail(v), { error: "Je voornaam mag geen webadres of e-mailadres bevatten" })
  .refine((v) => !containsPhoneNumber(v), { error: "Je voornaam mag geen telefoonnummer bevatten" })

/**
 * The text of a message, a reply or a warning: each error names the field the form shows
 * ("Je antwoord moet…" under "Je antwoord"), not a message in general; nothing typed (or
 * only spaces) asks for the text ("Schrijf je antwoord"), 1–9 characters give the minimum.
 */
const messageField = (noun: "bericht" | "antwoord" | "waarschuwing", max: number) =>
  messageText(
    `Schrijf je ${noun}`,
    10,
    `Je ${noun} moet minstens 10 tekens lang zijn`,
    max,
    `Je ${noun} mag hoogstens ${max} tekens lang zijn`
  )

/** What a message carries (a reply has the same fields, named for a reply). */
const messageFields = {
  first_name: firstNameField,
  message: messageField("bericht", 2000),
}

/** POST /store/my-group/groups/:id/messages */
export const StoreSendAdminMessage = z
  .object({
    to_group_id: z.string({ error: "Kies de groep die je een bericht wilt sturen" }).trim().min(1, "Kies de groep die je een bericht wilt sturen").max(100, "Kies de groep die je een bericht wilt sturen"),
    ...messageFields,
  })
  .strict()
export type StoreSendAdminMessageType = z.infer<typeof StoreSendAdminMessage>

/** POST /store/my-group/groups/:id/messages/:message_id/reply */
export const StoreReplyAdminMessage = z.object({ ...messageFields, message: messageField("antwoord", 2000) }).strict()
export type StoreReplyAdminMessageType = z.infer<typeof StoreReplyAdminMessage>

/** POST /store/my-group/groups/:id/warnings: short, to every reachable group within km. */
export const StoreSendWarning = z
  .object({
    first_name: firstNameField,
    message: messageField("waarschuwing", 500),
    km: kmField,
  })
  .strict()
export type StoreSendWarningType = z.infer<typeof StoreSendWarning>
