/**
 * Staff's view of an order "op rekening" (Medusa's manual provider): Medusa authorises its
 * payment when the cart completes, so the admin shows "Authorized", which reads as paid.
 * What is really open is a manual payment neither captured nor cancelled on an order that
 * is not cancelled. One place for the order-page widget, the list above the order list and
 * the "Betaling ontvangen" route.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { readBackendEnv } from "../config/env"
import { PAYMENT_PROVIDER_IDS } from "../config/modules"
import { isOrderOnAccount, PAYMENT_ON_ACCOUNT_FIELDS, paymentOnAccount } from "./payment-on-account"

export const OPEN_ACCOUNT_PAYMENT_FIELDS = [
  ...new Set([
    ...PAYMENT_ON_ACCOUNT_FIELDS,
    "id",
    "email",
    "status",
    "canceled_at",
    "payment_collections.payments.id",
    "payment_collections.payments.captured_at",
  ]),
]

export type AccountPaymentState = {
  on_account: boolean
  /** Not captured, not cancelled, order not cancelled: staff still wait for the transfer. */
  open: boolean
  paid: boolean
  payment_id: string | null
  amount: number
  currency_code: string
  reference: string
  due_at: string
}

export function accountPaymentState(order: any, cancelDays: number): AccountPaymentState {
  const transfer = paymentOnAccount(order, { iban: "", name: "" }, cancelDays)
  const payments = (order?.payment_collections ?? []).flatMap((c: any) => (c?.payments ?? []).filter(Boolean))
  const live = payments.find((p: any) => p.provider_id === PAYMENT_PROVIDER_IDS.manual && !p.canceled_at) ?? null
  const canceled = Boolean(order?.canceled_at) || order?.status === "canceled"
  const onAccount = isOrderOnAccount(order)
  return {
    on_account: onAccount,
    open: onAccount && !canceled && Boolean(live) && !live.captured_at,
    paid: Boolean(live?.captured_at),
    payment_id: live?.id ?? null,
    amount: transfer?.amount ?? Number(order?.total ?? 0),
    currency_code: order?.currency_code ?? "eur",
    reference: transfer?.reference ?? String(order?.display_id ?? ""),
    due_at: transfer?.due_at ?? "",
  }
}

/** The order and its account-payment state; 404 in Dutch when there is no such order. */
export async function readAccountPayment(scope: MedusaContainer, orderId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: OPEN_ACCOUNT_PAYMENT_FIELDS, filters: { id: orderId } })
  const order = data[0]
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Deze bestelling bestaat niet.")
  return { order, state: accountPaymentState(order, readBackendEnv().unpaidOrderCancelDays) }
}
