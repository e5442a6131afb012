import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { getAdmin, postAdmin } from "../../lib/admin-api"
import { formatDate } from "../../lib/format"
import { messagingSectionHref } from "../../lib/groups"

type ReportGroup = { id: string; name: string | null; slug: string | null; status: string | null }
type Report = {
  id: string
  reason: string | null
  created_at: string
  handled_at: string | null
  message: {
    id: string
    kind: "message" | "reply" | "warning"
    sender_first_name: string
    body: string
    created_at: string
    from_group: ReportGroup
    to_group: ReportGroup
    sender_blocked: boolean
  } | null
}

const KIND_LABELS = { message: "Bericht", reply: "Antwoord", warning: "Waarschuwing" }

const REPORTS_KEY = ["admin-message-reports"]

/**
 * Gemelde berichten (issue 30): relayed messages between group admins that a receiver
 * reported with the mail's "Melden" link, newest first, each open or handled; a receiver who
 * reports again adds to the report's reason. Each report links to the sender group's page
 * section where staff block (the block holds for all of that admin's groups); mark the
 * report handled here.
 */
const AdminMessageReportsPage = () => {
  const { data, isLoading, error } = useQuery({
    queryKey: REPORTS_KEY,
    queryFn: () => getAdmin<{ reports: Report[] }>("/admin/admin-messages/reports"),
  })
  const queryClient = useQueryClient()
  const handle = useMutation({
    mutationFn: ({ id, handled }: { id: string; handled: boolean }) => postAdmin(`/admin/admin-messages/reports/${encodeURIComponent(id)}`, { handled }),
    onSuccess: (_, { handled }) => {
      toast.success(handled ? "Melding afgehandeld" : "Melding weer open")
      return queryClient.invalidateQueries({ queryKey: REPORTS_KEY })
    },
    onError: (error) => toast.error((error as Error).message),
  })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading>Gemelde berichten</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Berichten tussen beheerders die de ontvanger heeft gemeld. "Afzender blokkeren…" opent het deel van de groepspagina van de afzender waar je blokkeert (met reden).
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Laden…</Text>}
      {error && <Text className="px-6 py-4">{(error as Error).message}</Text>}
      {data && !data.reports.length && <Text className="px-6 py-4">Er zijn geen gemelde berichten.</Text>}
      {data?.reports.map((report) => (
        <article key={report.id} className="flex flex-col gap-2 px-6 py-4">
          <div className="flex flex-wrap items-center gap-2">
            <Text size="small" weight="plus">Gemeld op {formatDate(report.created_at)}</Text>
            {report.handled_at ? (
              <Badge color="green" size="2xsmall" data-testid="report-status">Afgehandeld op {formatDate(report.handled_at)}</Badge>
            ) : (
              <Badge color="orange" size="2xsmall" data-testid="report-status">Open</Badge>
            )}
            {report.message?.sender_blocked && <Badge color="red" size="2xsmall">Afzender geblokkeerd</Badge>}
          </div>
          {report.message ? (
            <>
              <Text size="small">
                {KIND_LABELS[report.message.kind]} van {report.message.sender_first_name} (
                <GroupLink group={report.message.from_group} />) aan <GroupLink group={report.message.to_group} />, {formatDate(report.message.created_at)}
              </Text>
              <blockquote className="border-ui-border-base whitespace-pre-wrap border-l-2 pl-3 text-sm">{report.message.body}</blockquote>
            </>
          ) : (
            <Text size="small">Het bericht is verwijderd.</Text>
          )}
          <Text size="small" className="text-ui-fg-subtle whitespace-pre-wrap">Reden: {report.reason ?? "niet opgegeven"}</Text>
          <div className="flex flex-wrap items-center gap-3">
            <Button
              size="small"
              variant="secondary"
              isLoading={handle.isPending && handle.variables?.id === report.id}
              onClick={() => handle.mutate({ id: report.id, handled: !report.handled_at })}
            >
              {report.handled_at ? "Weer openen" : "Markeer als afgehandeld"}
            </Button>
            {report.message?.from_group.name && (
              <Button size="small" variant="secondary" asChild>
                <Link to={messagingSectionHref(report.message.from_group.id)}>
                  {report.message.sender_blocked ? "Blokkade van de afzender bekijken" : "Afzender blokkeren…"}
                </Link>
              </Button>
            )}
          </div>
        </article>
      ))}
    </Container>
  )
}

const GroupLink = ({ group }: { group: ReportGroup }) =>
  group.name ? (
    <Link to={`/groups/${group.id}`} className="text-ui-fg-interactive">{group.name}</Link>
  ) : (
    <span>verwijderde groep</span>
  )

export const config = defineRouteConfig({
  label: "Gemelde berichten",
  icon: ExclamationCircle,
})

export default AdminMessageReportsPage
