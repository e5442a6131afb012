import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import type { WithdrawalSituation } from "../../workflows/orders/withdrawal-outcome"
import { dateTime, withdrawalBadge } from "../lib/withdrawal"
import { sdk } from "../lib/sdk"
import { UnpaidOnAccountList } from "../lib/unpaid-on-account-list"

type Withdrawn = {
  order_id: string
  display_id: number
  email: string
  withdrawn_at: string
  situation: WithdrawalSituation
  order_canceled: boolean
}

/**
 * Above the order list: the latest withdrawn orders with where each stands (cancelled,
 * to refund, return expected), because Medusa's list has no column for a withdrawal
 * and a withdrawn, paid order would look like any other there. Hidden when none. Below
 * it, the orders on account still unpaid (UnpaidOnAccountList).
 */
const OrderListWithdrawalsWidget = () => {
  const { data } = useQuery({
    queryKey: ["order-list-withdrawals"],
    queryFn: () => sdk.client.fetch<{ withdrawals: Withdrawn[] }>("/admin/withdrawals"),
  })
  const rows = data?.withdrawals ?? []
  return (
    <div className="flex flex-col gap-y-3">
      {rows.length ? <WithdrawalList rows={rows} /> : null}
      <UnpaidOnAccountList />
    </div>
  )
}

const WithdrawalList = ({ rows }: { rows: Withdrawn[] }) => {
  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="order-list-withdrawals">
      <Heading level="h2">Herroepingen</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Via “Overeenkomst herroepen” in de winkel. Betaal binnen 14 dagen na de herroeping terug wat betaald is.
      </Text>
      <ul className="flex flex-col gap-1">
        {rows.slice(0, 10).map((row) => {
          const badge = withdrawalBadge(row.situation, row.order_canceled)
          return (
            <li key={row.order_id} className="flex flex-wrap items-center gap-3">
              <Link to={`/orders/${row.order_id}`} className="text-ui-fg-interactive font-medium">
                #{row.display_id}
              </Link>
              <StatusBadge color={badge.color}>{badge.label}</StatusBadge>
              <Text size="small" className="text-ui-fg-subtle">
                {dateTime(row.withdrawn_at)} · {row.email}
              </Text>
            </li>
          )
        })}
      </ul>
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "order-list-withdrawals",
  zone: "order.list.before",
})

export default OrderListWithdrawalsWidget
