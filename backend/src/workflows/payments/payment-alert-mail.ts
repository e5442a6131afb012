import { formatMoney } from "../../lib/money"
import type { RenderedMail } from "../../modules/notification-mail/templates"
import type { ReconcileOutcome } from "./steps/complete-paid-carts"

export const PAYMENT_ALERT_TEMPLATE = "payment-without-order"

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Pure: the staff e-mail for a payment that went through while no order could be made. */
export function paymentWithoutOrderMail(outcome: ReconcileOutcome, adminUrl: string): RenderedMail {
  const amount = formatMoney(outcome.amount, outcome.currency_code)
  const subject = `Betaling zonder bestelling: ${amount} (${outcome.intent_id})`
  const facts: [string, string][] = [
    ["Bedrag", amount],
    ["Stripe-betaling", `${outcome.intent_id} (${outcome.intent_status})`],
    ["Betaalwijze (Medusa)", outcome.provider_id],
    ["Winkelwagen", outcome.cart_id],
    ["E-mailadres klant", outcome.email ?? "onbekend"],
    ["Betaling gestart", outcome.session_created_at],
    ["Reden", outcome.error ?? "onbekend"],
  ]
  const intro =
    "Een klant heeft betaald, maar er is geen bestelling van gemaakt, ook niet bij een nieuwe poging. Controleer de voorraad en maak de bestelling handmatig aan, of betaal het bedrag terug in Stripe."
  const text = ["Hallo,", "", intro, "", ...facts.map(([k, v]) => `${k}: ${v}`), "", `Beheeromgeving: ${adminUrl}/orders`, "", "Je krijgt over deze betaling geen tweede e-mail.", ""].join("\n")
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body>
<p>Hallo,</p>
<p>${esc(intro)}</p>
<table>${facts.map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding-right:12px">${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</table>
<p><a href="${esc(adminUrl)}/orders">Naar de beheeromgeving</a></p>
<p>Je krijgt over deze betaling geen tweede e-mail.</p>
</body></html>`
  return { subject, text, html }
}
