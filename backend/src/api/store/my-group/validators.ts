import { z } from "@medusajs/framework/zod"
import { latitudeField, longitudeField } from "../../utils/fields"
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
