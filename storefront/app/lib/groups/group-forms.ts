/**
 * The group directory's forms: which fields they send. Every rule is the backend's
 * (backend/src/api/store/groups/validators.ts, …/my-group/validators.ts), which answers
 * per field in Dutch; the numbers here only feed the inputs' HTML hints. Client-safe.
 */

/** Most members a WhatsApp group can have (backend: MAX_GROUP_MEMBERS), for the input's max. */
export const MAX_GROUP_MEMBERS = 256;

/** The registration form's fields as the backend's schema names them (StoreRegisterGroup), in page order. */
export const REGISTRATION_FIELDS = [
  "name",
  "woonplaats",
  "gemeente",
  "postcodes",
  "member_count",
  "lat",
  "lng",
  "confirm_far_point",
  "admin_name",
  "admin_email",
  "admin_phone",
  "accepted_rules",
] as const;
export type RegistrationForm = Partial<Record<(typeof REGISTRATION_FIELDS)[number], string>>;

/** The contact form's fields (StoreContactGroup). */
export const CONTACT_FIELDS = ["name", "email", "message"] as const;
export type ContactForm = Partial<Record<(typeof CONTACT_FIELDS)[number], string>>;

/** "Mijn groep"'s edit form (StoreUpdateMyGroup). */
export const GROUP_EDIT_FIELDS = ["name", "woonplaats", "postcodes", "member_count", "lat", "lng"] as const;
export type GroupEditForm = Partial<Record<(typeof GROUP_EDIT_FIELDS)[number], string>>;
