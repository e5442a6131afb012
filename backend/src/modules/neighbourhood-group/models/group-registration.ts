import { model } from "@medusajs/framework/utils"

/** How long the confirmation link of a registration works; unconfirmed registrations are deleted after it. */
export const REGISTRATION_CONFIRM_HOURS = 48
/** How many unconfirmed registrations one address may have at a time: more send no mail (mail-bombing a stranger). */
export const MAX_OPEN_REGISTRATIONS_PER_EMAIL = 3

/**
 * A registration waiting for its admin to confirm the e-mail address (double opt-in).
 * Until then it is no group: nothing public, nothing in staff's queue, no mail but the
 * neutral confirmation mail. Confirming creates the group from `data` and forgets `data`;
 * the row (without personal data) then only answers a second click until it expires.
 * Expired rows are deleted by the job `expire-group-registrations`.
 */
const GroupRegistration = model
  .define("group_registration", {
    id: model.id({ prefix: "nbreg" }).primaryKey(),
    /** SHA-256 of the link's token (base64url); the token itself is only in the mail */
    token_hash: model.text().unique(),
    /** the admin's e-mail address, normalised: the per-address cap and erasure */
    email: model.text().nullable(),
    /** the validated registration (StoreRegisterGroup); null once confirmed */
    data: model.json().nullable(),
    expires_at: model.dateTime(),
    confirmed_at: model.dateTime().nullable(),
    /** the group created on confirmation */
    group_id: model.text().nullable(),
  })
  .indexes([{ on: ["email"] }, { on: ["expires_at"] }])

export default GroupRegistration
