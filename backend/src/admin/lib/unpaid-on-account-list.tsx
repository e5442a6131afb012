import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { dueDate, euro, type UnpaidOnAccount } from "./account-payment"
import { sdk } from "./sdk"

/**
 * Orders "op rekening" still waiting for their transfer, soonest due first. Medusa's list
 * shows their payment as "Authorized", which reads as paid. Hidden when none. Drawn by the
 * order list's first widget (order-list-withdrawals): as a widget of its own Medusa placed it
 * below the order table.
 */
export const UnpaidOnAccountList = () => {
  const { data } = useQuery({
    queryKey: ["order-list-unpaid-on-account"],
    queryFn: () => sdk.client.fetch<{ orders: UnpaidOnAccount[] }>("/admin/unpaid-on-account"),
  })
  const rows = data?.orders ?? []
  if (!rows.length) return null
  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="order-list-unpaid-on-account">
      <Heading level="h2">Nog niet betaald (op rekening)</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        “Authorized” in de lijst is bij deze bestellingen nog geen betaling. Registreer de overboeking op de bestelling met “Betaling ontvangen”.
      </Text>
      <ul className="flex max-h-64 flex-col gap-1 overflow-y-auto">
        {rows.map((row) => (
          <li key={row.order_id} className="flex flex-wrap items-center gap-3">
            <Link to={`/orders/${row.order_id}`} className="text-ui-fg-interactive font-medium">
              #{row.display_id}
            </Link>
            <Text size="small">{euro(row.amount, row.currency_code)}</Text>
            <Text size="small" className="text-ui-fg-subtle">
              te betalen vóór {dueDate(row.due_at)} · kenmerk {row.reference} · {row.email}
            </Text>
          </li>
        ))}
      </ul>
    </Container>
  )
}
