/** Pure: what the order page's "Betaling" panel says about each payment. */

export type PaymentLike = {
  id: string
  provider_id: string
  amount: number | string
  currency_code: string
  captured_at?: string | null
  canceled_at?: string | null
  data?: Record<string, unknown> | null
  refunds?: { amount: number | string }[] | null
}

export type PaymentState = {
  method: string
  /** Short Dutch state: Betaald, Geautoriseerd (nog niet vastgelegd), … */
  label: string
  tone: "green" | "orange" | "red" | "grey"
  /** What staff should know or do, when anything. */
  hint: string | null
  amount: number
  refunded: number
  stripeId: string | null
}

const METHODS: Record<string, string> = {
  pp_stripe_stripe: "Creditcard (Stripe)",
  "pp_stripe-ideal_stripe": "iDEAL | Wero (Stripe)",
  "pp_stripe-bancontact_stripe": "Bancontact (Stripe)",
  pp_system_default: "Betalen op rekening",
  pp_invoice_invoice: "Op factuur",
}

export function paymentState(payment: PaymentLike): PaymentState {
  const amount = Number(payment.amount)
  const refunded = (payment.refunds ?? []).reduce((sum, r) => sum + Number(r.amount), 0)
  const stripeId = typeof payment.data?.id === "string" && payment.data.id.startsWith("pi_") ? payment.data.id : null
  const base = { method: METHODS[payment.provider_id] ?? payment.provider_id, amount, refunded, stripeId }
  if (payment.canceled_at) return { ...base, label: "Geannuleerd", tone: "grey", hint: "De autorisatie is vrijgegeven; er is niets afgeschreven." }
  if (payment.captured_at) {
    if (refunded >= amount && amount > 0) return { ...base, label: "Terugbetaald", tone: "grey", hint: null }
    if (refunded > 0) return { ...base, label: "Betaald, deels terugbetaald", tone: "orange", hint: null }
    return { ...base, label: "Betaald", tone: "green", hint: null }
  }
  if (stripeId) {
    return {
      ...base,
      label: "Geautoriseerd, niet vastgelegd",
      tone: "red",
      hint: "Het vastleggen bij het plaatsen van de bestelling is mislukt. Leg de betaling vast (Betalingen → Vastleggen) binnen 7 dagen na de bestelling, anders vervalt de autorisatie.",
    }
  }
  return { ...base, label: "Nog niet betaald", tone: "orange", hint: null }
}
