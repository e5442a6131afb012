import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SITUATION_FIELDS, withdrawalSituation } from "../../../workflows/orders/withdrawal-outcome"

/**
 * GET /admin/withdrawals — the latest 50 withdrawn orders, newest withdrawal first, for
 * the widget above the admin's order list: Medusa's list has no column for order
 * metadata, so without it a withdrawn, paid order looks like any other there.
 * 200 { withdrawals: [{ order_id, display_id, email, status, withdrawn_at, situation, order_canceled }] }
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  // The order module keeps metadata as jsonb; Query cannot filter on a key inside it.
  const { rows } = await knex.raw(
    `select id from "order" where deleted_at is null and metadata ? 'withdrawal'
      order by metadata->'withdrawal'->>'withdrawn_at' desc limit 50`
  )
  const ids = (rows as { id: string }[]).map((r) => r.id)
  if (!ids.length) return res.json({ withdrawals: [] })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "status", "canceled_at", "metadata", ...SITUATION_FIELDS],
    filters: { id: ids },
  })
  const byId = new Map((data as any[]).map((o) => [o.id, o]))
  res.json({
    withdrawals: ids
      .map((id) => byId.get(id))
      .filter(Boolean)
      .map((o: any) => ({
        order_id: o.id,
        display_id: o.display_id,
        email: o.email,
        status: o.status,
        withdrawn_at: o.metadata.withdrawal.withdrawn_at,
        situation: o.metadata.withdrawal.situation ?? withdrawalSituation(o),
        order_canceled: Boolean(o.canceled_at) || o.status === "canceled",
      })),
  })
}
