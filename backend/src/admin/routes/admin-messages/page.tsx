import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { getAdmin } from "../../lib/admin-api"
import { formatDate } from "../../lib/format"

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

/**
 * Gemelde berichten (issue 30): relayed messages between group admins that a receiver
 * reported with the mail's "Melden" link, newest first. Block the sender on their group's
 * page (the block holds for all of that admin's groups).
 */
const AdminMessageReportsPage = () => {
  const { data, isLoading, error } = useQuery({
    queryKey: ["admin-message-reports"],
    queryFn: () => getAdmin<{ reports: Report[] }>("/admin/admin-messages/reports"),
  })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading>Gemelde berichten</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Berichten tussen beheerders die de ontvanger heeft gemeld. Blokkeer de afzender op de pagina van zijn groep.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Laden…</Text>}
      {error && <Text className="px-6 py-4">{(error as Error).message}</Text>}
      {data && !data.reports.length && <Text className="px-6 py-4">Er zijn geen gemelde berichten.</Text>}
      {data?.reports.map((report) => (
        <article key={report.id} className="flex flex-col gap-2 px-6 py-4">
          <div className="flex flex-wrap items-center gap-2">
            <Text size="small" weight="plus">Gemeld op {formatDate(report.created_at)}</Text>
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
          <Text size="small" className="text-ui-fg-subtle">Reden: {report.reason ?? "niet opgegeven"}</Text>
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
