import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

export type GroupStatus = "pending" | "approved" | "rejected" | "archived"

/** A group as GET /admin/groups returns it. */
export type AdminGroup = {
  id: string
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
  created_at: string
  updated_at: string
}

export type AdminGroupEdit = Partial<
  Pick<AdminGroup, "name" | "slug" | "woonplaats" | "gemeente" | "member_count" | "admin_name" | "admin_email" | "admin_phone">
> & { postcodes?: string[] }

type ListResponse = { groups: AdminGroup[]; count: number; offset: number; limit: number }

export const STATUS_LABELS: Record<GroupStatus, string> = {
  pending: "Wacht op beoordeling",
  approved: "Goedgekeurd",
  rejected: "Afgewezen",
  archived: "Gearchiveerd",
}

export const STATUS_COLORS: Record<GroupStatus, "orange" | "green" | "red" | "grey"> = {
  pending: "orange",
  approved: "green",
  rejected: "red",
  archived: "grey",
}

const KEY = ["neighbourhood-groups"]

export function useGroups(params: { status?: GroupStatus; q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...KEY, "list", params],
    queryFn: () =>
      sdk.client.fetch<ListResponse>("/admin/groups", {
        query: {
          limit: params.limit,
          offset: params.offset,
          order: params.status === "pending" ? "created_at" : "-created_at",
          ...(params.status ? { status: params.status } : {}),
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

export function useGroup(id: string) {
  return useQuery({
    queryKey: [...KEY, "detail", id],
    queryFn: () => sdk.client.fetch<{ group: AdminGroup }>(`/admin/groups/${id}`),
    select: (data) => data.group,
  })
}

function useGroupMutation<Vars>(request: (vars: Vars) => Promise<{ group: AdminGroup }>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  })
}

export const useApproveGroup = () =>
  useGroupMutation((id: string) => sdk.client.fetch(`/admin/groups/${id}/approve`, { method: "POST" }))

export const useRejectGroup = () =>
  useGroupMutation(({ id, reason }: { id: string; reason: string }) =>
    sdk.client.fetch(`/admin/groups/${id}/reject`, { method: "POST", body: { reason } })
  )

export const useArchiveGroup = () =>
  useGroupMutation((id: string) => sdk.client.fetch(`/admin/groups/${id}/archive`, { method: "POST" }))

export const useUpdateGroup = () =>
  useGroupMutation(({ id, update }: { id: string; update: AdminGroupEdit }) =>
    sdk.client.fetch(`/admin/groups/${id}`, { method: "POST", body: update })
  )

/** The message of a failed admin request (the API answers in Dutch, with `errors` per field when it can). */
export function errorMessage(error: unknown): string {
  const err = error as { message?: string }
  return err?.message || "Er ging iets mis"
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "–"
  return new Date(value).toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" })
}
