import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_PROVIDER_IDS } from "../../../config/modules"
import { readBackendEnv } from "../../../config/env"
import { accountPaymentState, OPEN_ACCOUNT_PAYMENT_FIELDS } from "../../../lib/open-account-payment"
import { orderIdsWithOpenPayment } from "../../../workflows/orders/open-payment-orders"

/**
 * GET /admin/unpaid-on-account — orders "op rekening" still waiting for their transfer,
 * oldest due first (at most 50), for the list above the admin's order list: Medusa shows
 * their payment as "Authorized", which reads as paid.
 * 200 { orders: [{ order_id, display_id, email, amount, currency_code, reference, due_at }] }
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const ids = await orderIdsWithOpenPayment(req.scope, { providerId: PAYMENT_PROVIDER_IDS.manual, createdBefore: new Date() })
  if (!ids.length) return res.json({ orders: [] })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: OPEN_ACCOUNT_PAYMENT_FIELDS, filters: { id: ids.slice(0, 200) } })
  const cancelDays = readBackendEnv().unpaidOrderCancelDays
  const orders = (data as any[])
    .map((order) => ({ order, state: accountPaymentState(order, cancelDays) }))
    .filter(({ state }) => state.open)
    .sort((a, b) => a.state.due_at.localeCompare(b.state.due_at))
    .slice(0, 50)
    .map(({ order, state }) => ({
      order_id: order.id,
      display_id: order.display_id,
      email: order.email,
      amount: state.amount,
      currency_code: state.currency_code,
      reference: state.reference,
      due_at: state.due_at,
    }))
  res.json({ orders })
}
