import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { GROUP_STATUSES } from "../../../modules/neighbourhood-group/models/neighbourhood-group"
import { isMunicipalityCode, MUNICIPALITY_CODE_EXAMPLE } from "../../../modules/neighbourhood-group/utils/postcode"
import { emailField, latitudeField, longitudeField, phoneField } from "../../utils/fields"
import { adminNameField, groupNameField, memberCountField, newGroupFields, postcodesField, woonplaatsField } from "../../utils/group-fields"
import { BLOCK_REASON_MAX, BLOCK_REASON_TOO_LONG, blockReasonProblem } from "../../../modules/admin-message/utils/block-reason"

/** The fields the admin API returns by default (everything: staff see the admin's contact data). */
export const ADMIN_GROUP_FIELDS = [
  "id",
  "name",
  "slug",
  "status",
  "woonplaats",
  "gemeente",
  "gemeente_code",
  "gemeente_slug",
  "postcodes",
  "lat",
  "lng",
  "member_count",
  "admin_name",
  "admin_email",
  "admin_phone",
  "accepted_rules",
  "accepted_rules_at",
  "rejection_reason",
  "approved_at",
  "rejected_at",
  "archived_at",
  "pending_changes",
  "changes_requested_at",
  "possible_duplicate_of",
  "admin_messages_enabled",
  "metadata",
  "created_at",
  "updated_at",
]

const status = z.enum(GROUP_STATUSES)

/** GET /admin/groups: Medusa's list params (limit, offset, order, fields) plus filters. */
export const AdminGetGroupsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  /** searches name, woonplaats, gemeente, admin name and e-mail */
  q: z.string().optional(),
  status: z.union([status, z.array(status)]).optional(),
  gemeente_slug: z.union([z.string(), z.array(z.string())]).optional(),
  /** "true": only groups whose admin asked for a change of name or location (the route turns it into a filter) */
  has_pending_changes: z.enum(["true", "false"]).optional(),
})
export type AdminGetGroupsParamsType = z.infer<typeof AdminGetGroupsParams>

/** POST /admin/groups: staff add a group (e.g. registered by phone). */
export const AdminCreateGroup = z
  .object({
    ...newGroupFields,
    lat: latitudeField().nullable(),
    lng: longitudeField().nullable(),
    admin_email: emailField(),
    accepted_rules: z.boolean().default(false),
    status: status.optional(),
  })
  .strict()
export type AdminCreateGroupType = z.infer<typeof AdminCreateGroup>

/** POST /admin/groups/:id: staff edit a group; every field optional. */
export const AdminUpdateGroup = z
  .object({
    name: groupNameField.optional(),
    slug: z.string().trim().min(3, "Een slug is minstens 3 tekens lang").max(100, "Een slug is hoogstens 100 tekens lang").optional(),
    woonplaats: woonplaatsField.optional(),
    gemeente: z.string().trim().min(2, "Vul de gemeente in").max(80, "De gemeente mag hoogstens 80 tekens lang zijn").optional(),
    gemeente_code: z.string().trim().refine(isMunicipalityCode, MUNICIPALITY_CODE_EXAMPLE).nullable().optional(),
    postcodes: postcodesField.optional(),
    member_count: memberCountField.optional(),
    lat: latitudeField().nullable(),
    lng: longitudeField().nullable(),
    admin_name: adminNameField.optional(),
    admin_email: emailField().optional(),
    admin_phone: phoneField.optional(),
  })
  .strict()
export type AdminUpdateGroupType = z.infer<typeof AdminUpdateGroup>

/**
 * What staff saw: the group's `updated_at` as the admin page loaded it. Moderation
 * decisions carry it, and a group that changed since is refused with a 409.
 */
const seenUpdatedAt = z
  .string({ error: "Geef seen_updated_at mee: het updated_at van de groep zoals je hem zag" })
  .refine((v) => !Number.isNaN(Date.parse(v)), "seen_updated_at is een tijdstip (ISO 8601), het updated_at van de groep")

/** POST /admin/groups/:id/approve and /changes/approve */
export const AdminModerateGroup = z.object({ seen_updated_at: seenUpdatedAt }).strict()
export type AdminModerateGroupType = z.infer<typeof AdminModerateGroup>

/** POST /admin/groups/:id/reject */
export const AdminRejectGroup = z
  .object({
    seen_updated_at: seenUpdatedAt,
    reason: z
      .string({ error: "Geef een reden op; de beheerder van de groep krijgt die per e-mail" })
      .trim()
      .min(3, "Geef een reden op (minstens 3 tekens); de beheerder van de groep krijgt die per e-mail")
      .max(1000, "De reden mag hoogstens 1000 tekens lang zijn"),
  })
  .strict()
export type AdminRejectGroupType = z.infer<typeof AdminRejectGroup>

/** POST /admin/groups/:id/changes/reject: the reason is optional; when given, the group's admin gets it by e-mail. */
export const AdminRejectGroupChanges = z
  .object({
    seen_updated_at: seenUpdatedAt,
    reason: z.string().trim().max(1000, "De reden mag hoogstens 1000 tekens lang zijn").optional(),
  })
  .strict()
export type AdminRejectGroupChangesType = z.infer<typeof AdminRejectGroupChanges>

/**
 * POST /admin/groups/:id/messaging-block: stop (or allow again) the group's admin messaging
 * other admins. A block needs its reason: the group page shows it, with the date, to the
 * staff who come after.
 */
export const AdminMessagingBlock = z
  .object({
    blocked: z.boolean({ error: "Geef blocked mee: true om te blokkeren, false om weer toe te staan" }),
    reason: z.string().trim().max(BLOCK_REASON_MAX, BLOCK_REASON_TOO_LONG).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    // required when blocking, and long enough to mean something (the staff page says so)
    const problem = body.blocked ? blockReasonProblem(body.reason) : null
    if (problem) ctx.addIssue({ code: "custom", path: ["reason"], message: problem })
  })
export type AdminMessagingBlockType = z.infer<typeof AdminMessagingBlock>
