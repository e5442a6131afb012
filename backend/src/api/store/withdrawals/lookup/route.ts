import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderItemLines } from "../../../../lib/order-items"
import type { WithdrawalRecord } from "../../../../workflows/orders/steps/record-withdrawal"
import { refusalMessage, withdrawalPeriod } from "../../../../workflows/orders/withdrawal-period"
import { findOrderForWithdrawal, NOT_MATCHED, withdrawalAnswer } from "../helpers"
import type { StoreWithdrawalRequestType } from "../validators"

/**
 * POST /store/withdrawals/lookup: the confirmation step's data. For a matching order
 * number and e-mail address: what would be withdrawn and whether that is still
 * possible (or when it already happened); otherwise the neutral answer. A POST, so
 * the e-mail address stays out of URLs and logs.
 */
export async function POST(req: MedusaRequest<StoreWithdrawalRequestType>, res: MedusaResponse) {
  const order = await findOrderForWithdrawal(req.scope, req.validatedBody)
  if (!order) return res.json(NOT_MATCHED)
  const existing = order.metadata?.withdrawal as WithdrawalRecord | undefined
  const period = withdrawalPeriod(order)
  res.json({
    status: "found",
    order: {
      display_id: order.display_id,
      items: orderItemLines(order),
      withdrawn_at: existing?.withdrawn_at ?? null,
      withdrawal: existing?.withdrawn_at ? withdrawalAnswer(order, existing) : null,
      may_withdraw: !existing?.withdrawn_at && period.open,
      period_last_day: period.open ? period.last_day : period.reason === "expired" ? period.last_day : null,
      refusal: !existing?.withdrawn_at && !period.open ? refusalMessage(period) : null,
    },
  })
}
