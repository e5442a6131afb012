import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { WithdrawalRecord } from "../../workflows/orders/steps/record-withdrawal"
import { withdrawalStaffTodo } from "../../workflows/orders/withdrawal-outcome"
import { AccountPaymentPanel } from "../lib/account-payment-panel"
import { dateTime, withdrawalBadge } from "../lib/withdrawal"
import { sdk } from "../lib/sdk"

const day = (ymd: string) => new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${ymd}T12:00:00Z`))

/**
 * Shows staff, at the top of the order page (first in the main column: see the
 * migration script order-withdrawal-first), that the shopper withdrew from the contract
 * through /herroepen (order metadata.withdrawal, written by the withdraw-order
 * workflow), what it meant for this order and what is left to do. Other orders: the
 * "Nog niet betaald" panel of an unpaid order on account (lib/account-payment-panel), or nothing.
 */
const OrderWithdrawalWidget = ({ data }: { data: { id: string } }) => {
  const { data: order } = useQuery({
    queryKey: ["order-withdrawal", data.id],
    queryFn: async () => {
      const { order } = await sdk.client.fetch<{ order: { status?: string; canceled_at?: string | null; metadata?: Record<string, unknown> | null } }>(
        `/admin/orders/${encodeURIComponent(data.id)}`,
        { query: { fields: "id,status,canceled_at,metadata" } }
      )
      const record = order.metadata?.withdrawal as WithdrawalRecord | undefined
      return record?.withdrawn_at ? { record, canceled: Boolean(order.canceled_at) || order.status === "canceled" } : null
    },
  })
  // Not withdrawn: the same first place says whether an order on account is still unpaid.
  if (!order) return <AccountPaymentPanel orderId={data.id} />
  const { record, canceled } = order
  const situation = record.situation ?? "paid"
  const badge = withdrawalBadge(situation, canceled)

  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="order-withdrawal-widget">
      <div className="flex items-center gap-3">
        <Heading level="h2">Overeenkomst herroepen</Heading>
        <StatusBadge color={badge.color}>{badge.label}</StatusBadge>
      </div>
      <Text size="small">
        De klant heeft deze bestelling herroepen op <strong>{dateTime(record.withdrawn_at)}</strong>
        {record.period_last_day ? ` (termijn liep tot en met ${day(record.period_last_day)})` : " (vóór de bezorging)"}.
      </Text>
      <Text size="small" className={situation === "unpaid" && !canceled ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="order-withdrawal-todo">
        {withdrawalStaffTodo(situation, canceled || situation !== "unpaid")}
      </Text>
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "order-withdrawal",
  zone: "order.details.before",
})

export default OrderWithdrawalWidget
