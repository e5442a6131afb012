import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { readBackendEnv, readSeller } from "../../../../config/env"
import { PAYMENT_ON_ACCOUNT_FIELDS, paymentOnAccount } from "../../../../lib/payment-on-account"
import type { WithdrawalRecord } from "../../../../workflows/orders/steps/record-withdrawal"
import { SITUATION_FIELDS } from "../../../../workflows/orders/withdrawal-outcome"
import { withdrawalAnswer } from "../../withdrawals/helpers"

/**
 * GET /store/order-status/:id — for the order page: the bank transfer details of an
 * order "op rekening" (amount, IBAN, account name, reference, due date) and the
 * withdrawal, when there is one. Medusa's store order route returns neither (no
 * metadata, no payments); like that route, the order id is the key only the buyer has,
 * and nothing the buyer did not type in or the shop does not print anyway comes back.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "canceled_at", "metadata", ...PAYMENT_ON_ACCOUNT_FIELDS, ...SITUATION_FIELDS],
    filters: { id: req.params.id },
  })
  const order = data[0] as any
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Deze bestelling bestaat niet.")
  const record = order.metadata?.withdrawal as WithdrawalRecord | undefined
  const canceled = Boolean(order.canceled_at) || order.status === "canceled"
  res.json({
    canceled,
    // No transfer asked for once the order is cancelled (withdrawn or unpaid too long).
    payment_on_account: canceled ? null : paymentOnAccount(order, readSeller(), readBackendEnv().unpaidOrderCancelDays),
    withdrawal: record?.withdrawn_at ? withdrawalAnswer(order, record) : null,
  })
}
