import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

type Withdrawal = { withdrawn_at: string; period_last_day: string | null }

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso))
const day = (ymd: string) => new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${ymd}T12:00:00Z`))

/**
 * Shows staff, at the top of the order page, that the shopper withdrew from the
 * contract through /herroepen (order metadata.withdrawal, written by the
 * withdraw-order workflow) and what to do next. Renders nothing for other orders.
 */
const OrderWithdrawalWidget = ({ data }: { data: { id: string } }) => {
  const { data: withdrawal } = useQuery({
    queryKey: ["order-withdrawal", data.id],
    queryFn: async () => {
      const { order } = await sdk.client.fetch<{ order: { metadata?: Record<string, unknown> | null } }>(
        `/admin/orders/${encodeURIComponent(data.id)}`,
        { query: { fields: "id,metadata" } }
      )
      const record = order.metadata?.withdrawal as Withdrawal | undefined
      return record?.withdrawn_at ? record : null
    },
  })
  if (!withdrawal) return null

  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="order-withdrawal-widget">
      <div className="flex items-center gap-3">
        <Heading level="h2">Overeenkomst herroepen</Heading>
        <StatusBadge color="orange">Herroepen</StatusBadge>
      </div>
      <Text size="small">
        De klant heeft deze bestelling herroepen op <strong>{dateTime(withdrawal.withdrawn_at)}</strong>
        {withdrawal.period_last_day ? ` (termijn liep tot en met ${day(withdrawal.period_last_day)})` : " (vóór de bezorging)"}.
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        Niet (meer) verzenden. Is de bestelling al verzonden: maak een retour aan en ontvang de artikelen, dan komen ze
        terug in de voorraad. Betaal binnen 14 dagen na de herroeping terug, inclusief de standaard verzendkosten.
      </Text>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.before",
})

export default OrderWithdrawalWidget
