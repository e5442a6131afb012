import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ITEM_LINE_FIELDS } from "../../lib/order-items"
import { SITUATION_FIELDS } from "./withdrawal-outcome"

/**
 * Fields the period check, the record and the mails need. Medusa 2.21's query.graph
 * left `items.quantity` (kept on the order's item detail) empty unless a total of the
 * order is selected too, so `item_total` is asked for although nothing shows it. The
 * fulfilments' own items come from a second query (loadOrdersForWithdrawal).
 */
export const WITHDRAWAL_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "status",
  "canceled_at",
  "metadata",
  "item_total",
  ...ITEM_LINE_FIELDS,
  "shipping_address.first_name",
  "fulfillments.id",
  // canceled_at, shipped_at, delivered_at; payments' captured_at (what the withdrawal means)
  ...SITUATION_FIELDS,
]

export async function loadOrdersForWithdrawal(container: MedusaContainer, filters: Record<string, unknown>): Promise<any[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: WITHDRAWAL_ORDER_FIELDS, filters })
  const ids = (orders as any[]).flatMap((o) => (o.fulfillments ?? []).filter(Boolean).map((f: any) => f.id))
  if (!ids.length) return orders
  const { data: fulfillments } = await query.graph({ entity: "fulfillment", fields: ["id", "items.quantity"], filters: { id: ids } })
  const itemsById = new Map((fulfillments as any[]).map((f) => [f.id, f.items ?? []]))
  for (const order of orders as any[]) {
    for (const f of order.fulfillments ?? []) if (f) f.items = itemsById.get(f.id) ?? []
  }
  return orders
}

