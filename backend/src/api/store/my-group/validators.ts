import { z } from "@medusajs/framework/zod"
import { isInNetherlandsOrBelgium } from "../../../modules/neighbourhood-group/utils/geo"
import { groupNameField, memberCountField, postcodesField, woonplaatsField } from "../groups/validators"

/** Form posts send numbers as strings, and "" for an empty field. */
const coordinate = (message: string, min: number, max: number) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(",", "."))) : v),
      z.number({ error: message }).refine(Number.isFinite, message).min(min, message).max(max, message).optional()
    )

/** POST /store/my-group/groups/:id: the admin edits the listing; every field optional. */
export const StoreUpdateMyGroup = z
  .object({
    name: groupNameField.optional(),
    woonplaats: woonplaatsField.optional(),
    postcodes: postcodesField.optional(),
    member_count: memberCountField.optional(),
    lat: coordinate("De breedtegraad is een getal, bijvoorbeeld 52,09", -90, 90),
    lng: coordinate("De lengtegraad is een getal, bijvoorbeeld 5,12", -180, 180),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.lat === undefined) !== (value.lng === undefined)) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: "Geef zowel breedtegraad als lengtegraad op" })
    } else if (value.lat !== undefined && !isInNetherlandsOrBelgium(value.lat, value.lng!)) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: "Dit punt ligt niet in Nederland of België" })
    }
  })
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
