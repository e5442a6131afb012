/**
 * Who may message whom (issue 30), read from the database: the signed-in admin's own group,
 * the other group, staff's blocks. Only admins of approved groups send; only approved groups
 * whose admin switched messaging on receive a first message or a warning; a reply always
 * reaches the other party of the thread while both groups are approved. A block by staff
 * stops the blocked admin sending (from every group of theirs); it does not stop them receiving.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import GroupAdminCustomerLink from "../../links/group-admin-customer"
import { ADMIN_MESSAGE_MODULE } from "../../modules/admin-message"
import type AdminMessageModuleService from "../../modules/admin-message/service"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../modules/neighbourhood-group/service"
import { ownGroupIds } from "../my-group/steps/own-groups"
import { GROUP_NOT_FOUND, messagingError, ONLY_APPROVED_SENDS, SENDER_BLOCKED } from "./errors"

/** What the relay needs of a group (its admin's address only to mail them; never in an answer). */
export type MessagingGroup = {
  id: string
  name: string
  slug: string
  woonplaats: string
  status: string
  admin_name: string | null
  admin_email: string | null
  admin_messages_enabled: boolean
}

export const MESSAGING_GROUP_FIELDS = ["id", "name", "slug", "woonplaats", "status", "admin_name", "admin_email", "admin_messages_enabled"]

export async function groupsByIds(container: MedusaContainer, ids: string[]): Promise<Map<string, MessagingGroup>> {
  if (!ids.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "neighbourhood_group", fields: MESSAGING_GROUP_FIELDS, filters: { id: [...new Set(ids)] } })
  return new Map(data.map((g: any) => [g.id, { ...g, admin_messages_enabled: Boolean(g.admin_messages_enabled) } as MessagingGroup]))
}

/** The groups among `groupIds` that staff blocked, directly or through their admin's account. */
export async function blockedGroupIds(container: MedusaContainer, groupIds: string[]): Promise<Set<string>> {
  if (!groupIds.length) return new Set()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: GroupAdminCustomerLink.entryPoint,
    fields: ["neighbourhood_group_id", "customer_id"],
    filters: { neighbourhood_group_id: groupIds },
  })
  const customerOf = new Map(data.map((row: any) => [row.neighbourhood_group_id as string, row.customer_id as string]))
  const messages: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  return messages.blockedGroupIds(groupIds.map((id) => ({ group_id: id, customer_id: customerOf.get(id) ?? null })))
}

/** Staff's block on a group's admin, as the admin's group page shows it: why and since when. */
export type MessagingBlockView = { reason: string | null; created_at: string }

/**
 * The block that holds for this group's admin (naming the group or the admin's account), the
 * newest when there are several; null when the admin may send.
 */
export async function messagingBlockOf(container: MedusaContainer, groupId: string): Promise<MessagingBlockView | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: GroupAdminCustomerLink.entryPoint,
    fields: ["customer_id"],
    filters: { neighbourhood_group_id: groupId },
  })
  const customerId: string | null = data[0]?.customer_id ?? null
  const messages: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  const [block] = await messages.listMessagingBlocks(
    { $or: [{ group_id: groupId }, ...(customerId ? [{ customer_id: customerId }] : [])] },
    { order: { created_at: "DESC" }, take: 1 }
  )
  return block ? { reason: block.reason ?? null, created_at: new Date(block.created_at).toISOString() } : null
}

/** Whether staff blocked this admin: their account, or any of their groups. */
export async function isAdminBlocked(container: MedusaContainer, customerId: string, ownIds: string[]): Promise<boolean> {
  const messages: AdminMessageModuleService = container.resolve(ADMIN_MESSAGE_MODULE)
  return messages.hasBlock({ group_ids: ownIds, customer_ids: [customerId] })
}

export type Sender = { group: MessagingGroup; own_group_ids: string[]; customer_id: string }

/**
 * The signed-in admin as a sender from their group `groupId`: someone else's or a missing
 * group 404, a group that is not approved 403, a blocked admin 403.
 */
export async function resolveSender(container: MedusaContainer, customerId: string, groupId: string): Promise<Sender> {
  const own = await ownGroupIds(container, customerId)
  if (!own.includes(groupId)) throw messagingError(404, GROUP_NOT_FOUND)
  const group = (await groupsByIds(container, [groupId])).get(groupId)
  if (!group) throw messagingError(404, GROUP_NOT_FOUND)
  if (group.status !== "approved") throw messagingError(403, ONLY_APPROVED_SENDS)
  if (await isAdminBlocked(container, customerId, own)) throw messagingError(403, SENDER_BLOCKED)
  return { group, own_group_ids: own, customer_id: customerId }
}

/** A nearby group as its admin's neighbours see it: public data and whether it can be messaged now. */
export type NearbyGroup = {
  id: string
  slug: string
  name: string
  woonplaats: string
  distance_km: number | null
  shares_postcode: boolean
  adjacent: boolean
  postcode_km: number | null
  /** one of the asking admin's own groups (listed, never messaged: no mail to oneself) */
  own_group: boolean
  reachable: boolean
}

/**
 * The approved groups near the admin's own group `groupId` (service.nearbyGroups says what
 * "near" is). `reachable`: that group receives messages from other admins: its admin switched
 * messaging on, and it is not one of the asker's own groups. A block by staff stops an admin
 * sending, not receiving: a blocked group with the setting on stays reachable, and a blocked
 * asker sees the others as they are (the sending itself is refused, and "Mijn groep" tells
 * them why). Only the admin of an approved group may ask. No names, addresses or phones.
 */
export async function nearbyGroupsOf(
  container: MedusaContainer,
  input: { customer_id: string; group_id: string; km: number }
): Promise<NearbyGroup[]> {
  const own = await ownGroupIds(container, input.customer_id)
  if (!own.includes(input.group_id)) throw messagingError(404, GROUP_NOT_FOUND)
  const group = (await groupsByIds(container, [input.group_id])).get(input.group_id)
  if (!group) throw messagingError(404, GROUP_NOT_FOUND)
  const groups: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const rows = await groups.nearbyGroups(input.group_id, input.km)
  const approved = group.status === "approved"
  return rows.map(({ admin_messages_enabled, ...row }) => ({
    ...row,
    own_group: own.includes(row.id),
    reachable: approved && admin_messages_enabled && !own.includes(row.id),
  }))
}

/** The widest distance "Buurgroepen" offers: a first message may go to any group listed there. */
export const MAX_NEARBY_KM = 5

/** Whether `groupId` is among the groups near the sender's group at the widest distance (or bordering). */
export async function isNearbyGroup(container: MedusaContainer, sender: Sender, groupId: string): Promise<boolean> {
  const groups: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const rows = await groups.nearbyGroups(sender.group.id, MAX_NEARBY_KM)
  return rows.some((row) => row.id === groupId)
}
