/**
 * "Betalen op rekening" (Medusa's manual provider): what the shopper needs to pay by bank
 * transfer, in one place for the confirmation page, the confirmation e-mail, the invoice
 * PDF and the reminder and cancellation mails, so all name the same reference and date.
 * The payment reference is the order number: it is on every mail and page already and
 * staff match transfers to orders by it.
 */
import { PAYMENT_PROVIDER_IDS } from "../config/modules"

const DAY = 24 * 60 * 60 * 1000

export type PaymentOnAccount = {
  /** Amount to transfer, major units (39.9 = € 39,90). */
  amount: number
  currency_code: string
  iban: string
  /** Account holder (COMPANY_NAME). */
  account_name: string
  /** What the shopper writes as "omschrijving": the order number. */
  reference: string
  /** ISO timestamp: the order is cancelled when the money is not in by then (UNPAID_ORDER_CANCEL_DAYS). */
  due_at: string
}

/** The transfer's description ("omschrijving"): the order number, digits only. */
export function paymentReference(displayId: number | string): string {
  return String(displayId)
}

/** When an unpaid order on account is due, and is cancelled by the unpaid-orders job. */
export function paymentDueAt(createdAt: string | Date, cancelDays: number): string {
  return new Date(new Date(createdAt).getTime() + cancelDays * DAY).toISOString()
}

/** Query fields isOrderOnAccount and paymentOnAccount read. */
export const PAYMENT_ON_ACCOUNT_FIELDS = [
  "display_id",
  "created_at",
  "currency_code",
  "total",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.canceled_at",
]

/** Paid by bank transfer: its live payment went through the manual provider. */
export function isOrderOnAccount(order: any): boolean {
  const payments = (order?.payment_collections ?? []).flatMap((c: any) => (c?.payments ?? []).filter(Boolean))
  const live = payments.filter((p: any) => !p.canceled_at)
  return live.length > 0 && live.every((p: any) => p.provider_id === PAYMENT_PROVIDER_IDS.manual)
}

export function paymentOnAccount(
  order: any,
  seller: { iban: string; name: string },
  cancelDays: number
): PaymentOnAccount | null {
  if (!isOrderOnAccount(order)) return null
  return {
    amount: Number(order.total ?? 0),
    currency_code: order.currency_code ?? "eur",
    iban: seller.iban,
    account_name: seller.name,
    reference: paymentReference(order.display_id),
    due_at: paymentDueAt(order.created_at, cancelDays),
  }
}
