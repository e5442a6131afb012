import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PendingGroupChanges } from "../../../workflows/groups/steps/group-changes"
import { isAdminBlocked } from "../../../workflows/admin-messages/parties"
import { ownGroupIds } from "../../../workflows/my-group/steps/own-groups"
import { checkGroupPoint } from "../../utils/far-point"

/**
 * What "Mijn groep" shows: the admin's own groups with everything about them,
 * status, rejection reason and their own contact data included. Only ever for the
 * signed-in customer's own groups.
 */
export const MY_GROUP_FIELDS = [
  "id",
  "name",
  "slug",
  "status",
  "rejection_reason",
  "woonplaats",
  "gemeente",
  "gemeente_slug",
  "postcodes",
  "lat",
  "lng",
  "member_count",
  "admin_name",
  "admin_email",
  "admin_phone",
  "approved_at",
  "rejected_at",
  "archived_at",
  "pending_changes",
  "admin_messages_enabled",
  "created_at",
  "updated_at",
]

export async function listMyGroups(scope: MedusaContainer, customerId: string) {
  const ids = await ownGroupIds(scope, customerId)
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "neighbourhood_group",
    fields: MY_GROUP_FIELDS,
    filters: { id: ids },
    pagination: { order: { created_at: "ASC" } },
  })
  // staff block the admin, not one group: the same for each of their groups
  const messagingBlocked = await isAdminBlocked(scope, customerId, ids)
  return Promise.all(
    data.map(async ({ pending_changes, ...group }: any) => ({
      ...group,
      admin_messages_enabled: Boolean(group.admin_messages_enabled),
      messaging_blocked: messagingBlocked,
      pending_changes: ownPendingChanges(pending_changes),
      point_warning: await pointWarning(scope, group, pending_changes),
    }))
  )
}

/**
 * The far-point warning for the group as its admin last saved it (a change waiting for
 * staff included): "Het punt op de kaart ligt 118 km van postcode 1234. Klopt dat?", or null.
 */
async function pointWarning(scope: MedusaContainer, group: any, pending: PendingGroupChanges | null | undefined) {
  const latest: Record<string, unknown> = { postcodes: group.postcodes, lat: group.lat, lng: group.lng }
  for (const change of pending?.changes ?? []) {
    if (change.field in latest) latest[change.field] = change.to
  }
  const check = await checkGroupPoint(scope, latest as { postcodes: string[]; lat: number | null; lng: number | null })
  return check.far?.message ?? null
}

/**
 * The admin's own change that waits for staff: what changes (old → new) and since when.
 * Without `possible_duplicate_of`, which names another group and is for staff only.
 */
function ownPendingChanges(pending: PendingGroupChanges | null | undefined) {
  if (!pending) return null
  return { requested_at: pending.requested_at, changes: pending.changes }
}
