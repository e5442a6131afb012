import type { MedusaContainer } from "@medusajs/framework/types"
import { returnAddress } from "../../../workflows/orders/withdraw-order"
import type { WithdrawalRecord } from "../../../workflows/orders/steps/record-withdrawal"
import { withdrawalNextSteps, withdrawalSituation } from "../../../workflows/orders/withdrawal-outcome"
import { loadOrdersForWithdrawal } from "../../../workflows/orders/withdrawal-order"
import { parseOrderNumber } from "../../../workflows/orders/withdrawal-period"
import type { StoreWithdrawalRequestType } from "./validators"

/**
 * The one answer for "no order with this number and this e-mail address", whether the
 * number does not exist or the address is wrong: the function must not tell a
 * stranger which order numbers exist.
 */
export const NOT_MATCHED = {
  status: "not_matched",
  message:
    "We kunnen met dit bestelnummer en e-mailadres geen bestelling herroepen. Controleer beide gegevens in de bevestigingsmail van je bestelling en probeer het opnieuw.",
} as const

/** The order with this number, only when its e-mail address matches too (case-insensitive). */
export async function findOrderForWithdrawal(container: MedusaContainer, input: StoreWithdrawalRequestType) {
  const displayId = parseOrderNumber(input.order_number)
  if (displayId === undefined) return undefined
  const data = await loadOrdersForWithdrawal(container, { display_id: displayId })
  const wanted = input.email.trim().toLowerCase()
  return (data as any[]).find((order) => typeof order.email === "string" && order.email.trim().toLowerCase() === wanted)
}

/**
 * A recorded withdrawal as the shopper's pages show it: when, what it meant for the
 * order and what happens next (the same sentences as the acknowledgement e-mail).
 * Records from before `situation` existed get it from the order as it is now.
 */
export function withdrawalAnswer(order: any, record: WithdrawalRecord) {
  const situation = record.situation ?? withdrawalSituation(order)
  return {
    withdrawn_at: record.withdrawn_at,
    period_last_day: record.period_last_day,
    situation,
    next_steps: withdrawalNextSteps(situation, returnAddress()),
    order_canceled: record.order_canceled ?? Boolean(order.canceled_at),
  }
}
