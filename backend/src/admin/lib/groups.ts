import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { GROUP_STATUS_LABELS } from "../../modules/neighbourhood-group/utils/status"
import { sdk } from "./sdk"

export type GroupStatus = "pending" | "approved" | "rejected" | "archived"

/** A group as GET /admin/groups returns it. */
export type AdminGroup = {
  id: string
  /** the point against the centres of the group's postcodes (src/api/utils/far-point.ts) */
  point_check?: {
    centres: { pc4: string; lat: number; lng: number }[]
    far: { distance_km: number; pc4: string; message: string } | null
  }
  /** in the list: set when the point lies far from the group's postcodes (farPointsOf) */
  point_far?: { distance_km: number; pc4: string } | null
  name: string
  slug: string
  status: GroupStatus
  woonplaats: string
  gemeente: string
  gemeente_code: string | null
  gemeente_slug: string
  postcodes: string[]
  lat: number | null
  lng: number | null
  member_count: number
  admin_name: string | null
  admin_email: string | null
  admin_phone: string | null
  accepted_rules: boolean
  accepted_rules_at: string | null
  rejection_reason: string | null
  approved_at: string | null
  rejected_at: string | null
  archived_at: string | null
  /** the admin's change of name or location that waits for staff (src/workflows/groups/steps/group-changes.ts) */
  pending_changes: PendingGroupChanges | null
  changes_requested_at: string | null
  /** the pending or approved group this registration probably duplicates */
  possible_duplicate_of: GroupReference | null
  /** "Andere beheerders mogen mij een bericht sturen" (issue 30) */
  admin_messages_enabled?: boolean
  /** in the detail: staff stopped this group's admin messaging other admins */
  messaging_blocked?: boolean
  /** in the detail: that block's reason and date */
  messaging_block?: { reason: string | null; created_at: string } | null
  created_at: string
  updated_at: string
}

export type GroupReference = { id: string; name: string; slug: string; status: GroupStatus }

export type PendingGroupChanges = {
  changes: { field: "name" | "woonplaats" | "gemeente" | "postcodes" | "lat" | "lng"; from: unknown; to: unknown }[]
  requested_at: string
  possible_duplicate_of: GroupReference | null
}

export const CHANGE_FIELD_LABELS: Record<PendingGroupChanges["changes"][number]["field"], string> = {
  name: "Naam",
  woonplaats: "Woonplaats",
  gemeente: "Gemeente",
  postcodes: "Postcodes",
  lat: "Breedtegraad",
  lng: "Lengtegraad",
}

/** A changed value as staff read it: postcodes joined, an empty value as a dash. */
export function formatChangeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–"
  if (Array.isArray(value)) return value.join(", ")
  return String(value)
}

export type AdminGroupEdit = Partial<
  Pick<AdminGroup, "name" | "slug" | "woonplaats" | "gemeente" | "member_count" | "admin_name" | "admin_email" | "admin_phone">
> & { postcodes?: string[] }

type ListResponse = { groups: AdminGroup[]; count: number; offset: number; limit: number }

/** Badge labels: the shared Dutch labels, capitalised. */
export const STATUS_LABELS = Object.fromEntries(
  Object.entries(GROUP_STATUS_LABELS).map(([status, label]) => [status, label[0].toUpperCase() + label.slice(1)])
) as Record<GroupStatus, string>

export const STATUS_COLORS: Record<GroupStatus, "orange" | "green" | "red" | "grey"> = {
  pending: "orange",
  approved: "green",
  rejected: "red",
  archived: "grey",
}

const KEY = ["neighbourhood-groups"]

export function useGroups(params: { status?: GroupStatus; changes?: boolean; q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...KEY, "list", params],
    queryFn: () =>
      sdk.client.fetch<ListResponse>("/admin/groups", {
        query: {
          limit: params.limit,
          offset: params.offset,
          order: params.status === "pending" ? "created_at" : "-created_at",
          ...(params.status ? { status: params.status } : {}),
          ...(params.changes ? { has_pending_changes: "true" } : {}),
          ...(params.q ? { q: params.q } : {}),
        },
      }),
    placeholderData: (previous) => previous,
  })
}

export function usePendingGroupCount() {
  return useQuery({
    queryKey: [...KEY, "pending-count"],
    queryFn: () => sdk.client.fetch<ListResponse>("/admin/groups", { query: { status: "pending", limit: 1, fields: "id" } }),
    select: (data) => data.count,
  })
}

/** Groups whose admin asked for a new name or location. */
export function useGroupsWithChangesCount() {
  return useQuery({
    queryKey: [...KEY, "changes-count"],
    queryFn: () => sdk.client.fetch<ListResponse>("/admin/groups", { query: { has_pending_changes: "true", limit: 1, fields: "id" } }),
    select: (data) => data.count,
  })
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: [...KEY, "detail", id],
    queryFn: () => sdk.client.fetch<{ group: AdminGroup }>(`/admin/groups/${id}`),
    select: (data) => data.group,
  })
}

/** What staff saw of a group: moderation decisions carry its `updated_at` (a changed group answers 409). */
export type SeenGroup = Pick<AdminGroup, "id" | "updated_at">

/** Whether a failed request was refused because the group changed since the page loaded it. */
export const isGroupChanged = (error: unknown) => (error as { status?: number })?.status === 409

function useGroupMutation<Vars>(request: (vars: Vars) => Promise<{ group: AdminGroup }>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
    // the group changed under staff: show it as it is now (the caller's toast says why)
    onError: (error) => {
      if (isGroupChanged(error)) void queryClient.invalidateQueries({ queryKey: KEY })
    },
  })
}

export const useApproveGroup = () =>
  useGroupMutation((group: SeenGroup) =>
    sdk.client.fetch(`/admin/groups/${group.id}/approve`, { method: "POST", body: { seen_updated_at: group.updated_at } })
  )

export const useRejectGroup = () =>
  useGroupMutation(({ group, reason }: { group: SeenGroup; reason: string }) =>
    sdk.client.fetch(`/admin/groups/${group.id}/reject`, { method: "POST", body: { reason, seen_updated_at: group.updated_at } })
  )

export const useArchiveGroup = () =>
  useGroupMutation((id: string) => sdk.client.fetch(`/admin/groups/${id}/archive`, { method: "POST" }))

export const useApproveGroupChanges = () =>
  useGroupMutation((group: SeenGroup) =>
    sdk.client.fetch(`/admin/groups/${group.id}/changes/approve`, { method: "POST", body: { seen_updated_at: group.updated_at } })
  )

export const useRejectGroupChanges = () =>
  useGroupMutation(({ group, reason }: { group: SeenGroup; reason: string }) =>
    sdk.client.fetch(`/admin/groups/${group.id}/changes/reject`, {
      method: "POST",
      body: { ...(reason.trim() ? { reason } : {}), seen_updated_at: group.updated_at },
    })
  )

/** The group page's section where staff block an admin's messaging (the anchor "Gemelde berichten" links to). */
export const MESSAGING_SECTION_ID = "berichten"
export const messagingSectionHref = (groupId: string) => `/groups/${encodeURIComponent(groupId)}#${MESSAGING_SECTION_ID}`

/** Stop (or allow again) the group's admin messaging other admins, across all their groups. */
export const useSetMessagingBlock = () =>
  useGroupMutation(({ id, blocked, reason }: { id: string; blocked: boolean; reason?: string }) =>
    sdk.client.fetch(`/admin/groups/${id}/messaging-block`, { method: "POST", body: { blocked, ...(reason?.trim() ? { reason } : {}) } })
  )

export const useUpdateGroup = () =>
  useGroupMutation(({ id, update }: { id: string; update: AdminGroupEdit }) =>
    sdk.client.fetch(`/admin/groups/${id}`, { method: "POST", body: update })
  )

/** The distance of a far point, from the list row or the detail page's check; null when not far. */
export function farPointKm(group: Pick<AdminGroup, "point_far" | "point_check">): number | null {
  return group.point_check?.far?.distance_km ?? group.point_far?.distance_km ?? null
}

/** The list row's marker for a far point. */
export const farPointLabel = (km: number) => `Punt ver van postcodes (${km} km)`

/**
 * Asks staff to confirm approving a group whose point lies far from its postcodes; true
 * without asking when the point is fine.
 */
export async function confirmFarPointApproval(
  prompt: (props: { title: string; description: string; confirmText: string; cancelText: string }) => Promise<boolean>,
  group: Pick<AdminGroup, "name" | "point_far" | "point_check">
): Promise<boolean> {
  const km = farPointKm(group)
  if (km === null) return true
  return prompt({
    title: "Punt ver van de postcodes",
    description: `Het punt van "${group.name}" ligt ${km} km van de postcodes van de groep. Toch goedkeuren?`,
    confirmText: "Toch goedkeuren",
    cancelText: "Annuleren",
  })
}

/** The message of a failed admin request (the API answers in Dutch, with `errors` per field when it can). */
export function errorMessage(error: unknown): string {
  const err = error as { message?: string }
  return err?.message || "Er ging iets mis"
}
