import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { withdrawOrderWorkflow } from "../../../workflows/orders/withdraw-order"
import { findOrderForWithdrawal, NOT_MATCHED, withdrawalAnswer } from "./helpers"
import type { StoreWithdrawalRequestType } from "./validators"

/**
 * POST /store/withdrawals: "Bevestig herroeping". With a matching order number and
 * e-mail address the withdrawal is recorded (once; a repeat answers with the first
 * record) and acknowledged by e-mail; anything else gets the same neutral answer.
 * One lock per order, so two clicks at once record and mail once.
 */
export async function POST(req: MedusaRequest<StoreWithdrawalRequestType>, res: MedusaResponse) {
  const order = await findOrderForWithdrawal(req.scope, req.validatedBody)
  if (!order) return res.json(NOT_MATCHED)
  const locking = req.scope.resolve(Modules.LOCKING)
  const result = await locking.execute(`withdrawal:${order.id}`, async () => {
    const { result } = await withdrawOrderWorkflow(req.scope).run({ input: { order_id: order.id } })
    return result
  })
  res.json({
    status: "withdrawn",
    withdrawal: {
      display_id: result.display_id,
      ...withdrawalAnswer(order, result),
      already_withdrawn: !result.created,
    },
  })
}
