import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { postAdmin } from "../../lib/admin-api"
import { sdk } from "../../lib/sdk"


export type NoticeStatus = "current" | "planned" | "ended" | "withdrawn"

/** A notice as GET /admin/notices returns it. */
export type AdminNotice = {
  id: string
  title: string
  body: string
  municipality_codes: string[]
  postcodes: string[]
  starts_at: string
  ends_at: string
  withdrawn_at: string | null
  author_label: string
  created_at: string
  status: NoticeStatus
  delivery_count: number
}

export type Municipality = { code: string; name: string; province: string }

export type NoticeInput = {
  title: string
  body: string
  author_label: string
  municipality_codes: string[]
  postcodes: string
  starts_at?: string
  ends_at: string
}

export const STATUS_LABELS: Record<NoticeStatus, string> = {
  current: "Actueel",
  planned: "Gepland",
  ended: "Afgelopen",
  withdrawn: "Ingetrokken",
}
export const STATUS_COLORS: Record<NoticeStatus, "green" | "blue" | "grey" | "red"> = {
  current: "green",
  planned: "blue",
  ended: "grey",
  withdrawn: "red",
}

const KEY = ["area-notices"]

export function useNotices(status?: NoticeStatus) {
  return useQuery({
    queryKey: [...KEY, "list", status ?? "all"],
    queryFn: () =>
      sdk.client.fetch<{ notices: AdminNotice[]; count: number }>("/admin/notices", {
        query: { limit: 100, ...(status ? { status } : {}) },
      }),
  })
}

export function useMunicipalities() {
  return useQuery({
    queryKey: [...KEY, "municipalities"],
    queryFn: () => sdk.client.fetch<{ municipalities: Municipality[] }>("/admin/notices/municipalities"),
    select: (data) => data.municipalities,
    staleTime: 60 * 60 * 1000,
  })
}

export function useCreateNotice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NoticeInput) =>
      postAdmin<{ notice: AdminNotice; delivered: number }>("/admin/notices", {
        ...input,
        // datetime-local values are local time: send them as instants
        ...(input.starts_at ? { starts_at: new Date(input.starts_at).toISOString() } : {}),
        ends_at: input.ends_at ? new Date(input.ends_at).toISOString() : "",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  })
}

export function useWithdrawNotice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => postAdmin<{ notice: AdminNotice }>(`/admin/notices/${id}/withdraw`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  })
}

/** A wijkagent/municipality account as GET /admin/notices/authors returns it. */
export type NoticeAuthor = {
  id: string
  name: string
  email: string
  organisation: string
  municipality_codes: string[]
  disabled_at: string | null
  created_at: string
}

export type NoticeAuthorInput = Omit<NoticeAuthor, "id" | "disabled_at" | "created_at"> & { password: string }

export function useNoticeAuthors() {
  return useQuery({
    queryKey: [...KEY, "authors"],
    queryFn: () => sdk.client.fetch<{ authors: NoticeAuthor[] }>("/admin/notices/authors"),
    select: (data) => data.authors,
  })
}

export function useCreateNoticeAuthor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NoticeAuthorInput) => postAdmin<{ author: NoticeAuthor }>("/admin/notices/authors", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  })
}

export function useDisableNoticeAuthor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => postAdmin<{ author: NoticeAuthor }>(`/admin/notices/authors/${id}/disable`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  })
}
