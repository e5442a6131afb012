import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { errorMessage, STATUS_COLORS, STATUS_LABELS, type GroupStatus } from "../lib/groups"
import { sdk } from "../lib/sdk"

type OrderGroup = { id: string; name: string; slug: string; gemeente: string; woonplaats: string; status: GroupStatus }

/** The neighbourhood group an order was placed for, with a link to the group in Buurtgroepen. */
const OrderGroupWidget = ({ data }: { data: { id: string } }) => {
  const { data: group, isLoading, error } = useQuery({
    queryKey: ["order-group", data.id],
    queryFn: async () =>
      (await sdk.client.fetch<{ group: OrderGroup | null }>(`/admin/orders/${encodeURIComponent(data.id)}/group`)).group,
  })

  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="order-group-widget">
      <Heading level="h2">Buurtgroep</Heading>
      {isLoading ? (
        <Text size="small">Laden…</Text>
      ) : error ? (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      ) : group ? (
        <div className="flex flex-col gap-1">
          <Text size="small" weight="plus">
            <Link to={`/groups/${encodeURIComponent(group.id)}`} className="text-ui-fg-interactive hover:underline">
              {group.name}
            </Link>
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {group.woonplaats}, gemeente {group.gemeente}
          </Text>
          {group.status !== "approved" && (
            <div>
              <StatusBadge color={STATUS_COLORS[group.status]}>{STATUS_LABELS[group.status]}</StatusBadge>
            </div>
          )}
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          Niet voor een buurtgroep besteld.
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderGroupWidget
