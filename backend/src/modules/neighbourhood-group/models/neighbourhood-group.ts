import { model } from "@medusajs/framework/utils"

export const GROUP_STATUSES = ["pending", "approved", "rejected", "archived"] as const
export type GroupStatus = (typeof GROUP_STATUSES)[number]

/** WhatsApp's limit for one group. */
export const MAX_GROUP_MEMBERS = 256
/** How many PC4 areas one group may cover. */
export const MAX_GROUP_POSTCODES = 20

/**
 * A WhatsApp-buurtpreventie group in the directory. Residents find approved
 * groups; `admin_*` is the group admin's contact data, which only staff see:
 * no store response ever contains it (residents write through the contact form).
 * `.searchable()` marks the fields the admin list's `q` searches.
 */
const NeighbourhoodGroup = model
  .define("neighbourhood_group", {
    id: model.id({ prefix: "nbgrp" }).primaryKey(),
    name: model.text().searchable(),
    slug: model.text().unique(),
    /** normalised name without generic words ("buurtpreventie", "whatsapp", …): duplicate detection */
    name_key: model.text(),
    /** normalised name + woonplaats + gemeente + postcodes: the store's `q` */
    search_text: model.text(),
    gemeente: model.text().searchable(),
    /** CBS municipality code, e.g. "0344"; null when unknown */
    gemeente_code: model.text().nullable(),
    gemeente_slug: model.text(),
    woonplaats: model.text().searchable(),
    /** The PC4 areas the group covers, e.g. ["3581", "3582"] (text[]) */
    postcodes: model.array(),
    lat: model.float().nullable(),
    lng: model.float().nullable(),
    member_count: model.number(),
    status: model.enum([...GROUP_STATUSES]).default("pending"),
    rejection_reason: model.text().nullable(),
    /** null once erased on the admin's request (privacy statement): the group row stays, anonymous */
    admin_name: model.text().searchable().nullable(),
    admin_email: model.text().searchable().nullable(),
    admin_phone: model.text().nullable(),
    /** Consent to the rules of conduct (gedragsregels) and when it was given */
    accepted_rules: model.boolean().default(false),
    accepted_rules_at: model.dateTime().nullable(),
    approved_at: model.dateTime().nullable(),
    rejected_at: model.dateTime().nullable(),
    archived_at: model.dateTime().nullable(),
    /**
     * A change of name or location (name, woonplaats, PC4s, point) that the admin of an
     * approved group asked for on "Mijn groep": it waits here for staff while the public
     * listing stays as it was. See src/workflows/groups/group-changes.ts for its shape.
     */
    pending_changes: model.json().nullable(),
    /** When the admin last asked for a pending change; null when none waits (the moderation list filters on it). */
    changes_requested_at: model.dateTime().nullable(),
    /**
     * The pending or approved group this registration probably duplicates ({ id, name, slug, status }
     * at registration time). Only staff see it: the registrant gets the same answer as for a new group.
     */
    possible_duplicate_of: model.json().nullable(),
    /**
     * "Andere beheerders mogen mij een bericht sturen" (issue 30): admins of other approved
     * groups may message this group's admin through the relay. Off until the admin switches
     * it on; erasure switches it off again.
     */
    admin_messages_enabled: model.boolean().default(false),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["status"] },
    { on: ["gemeente_slug"] },
    { on: ["gemeente_code"] },
    { on: ["name_key"] },
    { on: ["changes_requested_at"] },
    { on: ["postcodes"], type: "GIN" },
    // A GiST index on point(lng, lat) for map bounding boxes and a trigram index on
    // search_text are added by hand in a later migration (the DML has no expression indexes).
  ])
  .checks([
    {
      name: "neighbourhood_group_member_count_check",
      expression: (columns) => `${columns.member_count} >= 1 AND ${columns.member_count} <= ${MAX_GROUP_MEMBERS}`,
    },
  ])

export default NeighbourhoodGroup
