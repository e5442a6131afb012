/** Pure helpers for the "Betalen op rekening" panels in the admin. */
import type { AccountPaymentState } from "../../lib/open-account-payment"

/** What GET /admin/orders/:id/payment-on-account answers (type only: nothing of the server reaches the admin bundle). */
export type AccountPayment = AccountPaymentState

export type UnpaidOnAccount = {
  order_id: string
  display_id: number
  email: string
  amount: number
  currency_code: string
  reference: string
  due_at: string
}

export const euro = (amount: number, currency = "eur") =>
  new Intl.NumberFormat("nl-NL", { style: "currency", currency: currency.toUpperCase() }).format(amount)

export const dueDate = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(iso))

/** "Nog niet betaald — betalen op rekening, te betalen vóór 20 december 2026, kenmerk 1042" */
export function unpaidSentence(state: Pick<AccountPayment, "due_at" | "reference">): string {
  return `Nog niet betaald — betalen op rekening, te betalen vóór ${dueDate(state.due_at)}, kenmerk ${state.reference}`
}
