/**
 * What a withdrawal means for the shopper, by the order's state when it arrives: one
 * home for the words, so the page after "Bevestig herroeping", the order page and the
 * acknowledgement e-mail tell the same story (Directive 2011/83/EU art. 12–14: the
 * contract ends, the trader refunds within 14 days, the consumer sends the goods back).
 *
 * - unpaid: nothing was paid and nothing shipped. The order is cancelled through
 *   Medusa's cancelOrderWorkflow (stock released, payment cancelled); nothing to refund.
 * - paid: paid, not shipped. Not sent; refunded within 14 days.
 * - shipped / shipped_unpaid: on its way or delivered. The goods come back at the
 *   shopper's cost; a payment is refunded within 14 days of the withdrawal.
 */

export type WithdrawalSituation = "unpaid" | "paid" | "shipped" | "shipped_unpaid"

export type OrderForSituation = {
  payment_collections?: ({ payments?: ({ captured_at?: unknown; canceled_at?: unknown } | null)[] | null } | null)[] | null
  fulfillments?: ({ canceled_at?: unknown; shipped_at?: unknown; delivered_at?: unknown } | null)[] | null
}

/** Query fields withdrawalSituation reads. */
export const SITUATION_FIELDS = [
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "fulfillments.canceled_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
]

export function withdrawalSituation(order: OrderForSituation): WithdrawalSituation {
  const payments = (order.payment_collections ?? []).flatMap((c) => (c?.payments ?? []).filter(Boolean))
  const paid = payments.some((p) => p && p.captured_at && !p.canceled_at)
  const shipped = (order.fulfillments ?? []).some((f) => f && !f.canceled_at && (f.shipped_at || f.delivered_at))
  if (shipped) return paid ? "shipped" : "shipped_unpaid"
  return paid ? "paid" : "unpaid"
}

/** Unpaid and not shipped: the order is cancelled at once (Medusa refuses with a live fulfilment; staff then cancel). */
export const cancelsOrder = (situation: WithdrawalSituation | undefined) => situation === "unpaid"

/** What happens next, in the shopper's words: one sentence per point (page list, mail lines). */
export function withdrawalNextSteps(situation: WithdrawalSituation, returnAddress: string): string[] {
  const sendBack = `Stuur de artikelen binnen 14 dagen terug naar: ${returnAddress}. Stuur ze compleet terug, als het kan in de originele verpakking, en bewaar je verzendbewijs. De kosten van het terugsturen zijn voor jou.`
  switch (situation) {
    case "unpaid":
      return [
        "Je bestelling was nog niet betaald en nog niet verzonden. We annuleren haar en versturen niets.",
        "Je hoeft niets te betalen: maak het bedrag niet meer over. Er valt ook niets terug te betalen.",
      ]
    case "paid":
      return [
        "Je bestelling is nog niet verzonden. We versturen haar niet meer.",
        "We betalen het volledige bedrag, inclusief de verzendkosten, binnen 14 dagen terug op dezelfde manier als je betaalde.",
      ]
    case "shipped":
      return [
        "Je bestelling is al verzonden.",
        sendBack,
        "We betalen het volledige bedrag, inclusief de standaard verzendkosten, binnen 14 dagen na je herroeping terug op dezelfde manier als je betaalde. We mogen wachten tot we de artikelen terug hebben of tot je laat zien dat je ze hebt teruggestuurd.",
      ]
    case "shipped_unpaid":
      return ["Je bestelling is al verzonden.", sendBack, "Je hoeft de bestelling niet meer te betalen."]
  }
}

/** Staff's to-do, by situation (alert mail and the order page's widget). */
export function withdrawalStaffTodo(situation: WithdrawalSituation, canceled: boolean): string {
  switch (situation) {
    case "unpaid":
      return canceled
        ? "Niet betaald en niet verzonden: de bestelling is automatisch geannuleerd en de voorraad is vrijgegeven. Er is niets terug te betalen."
        : "Niet betaald en niet verzonden, maar automatisch annuleren lukte niet: annuleer de bestelling zelf (Medusa geeft dan de voorraad vrij)."
    case "paid":
      return "Betaald, nog niet verzonden: verzend niet. Annuleer de bestelling (Medusa betaalt dan het volledige bedrag terug) binnen 14 dagen na de herroeping."
    case "shipped":
      return "Al verzonden: maak een retour aan zodra de artikelen binnenkomen (ze gaan dan terug in de voorraad) en betaal binnen 14 dagen na de herroeping terug, inclusief de standaard verzendkosten."
    case "shipped_unpaid":
      return "Al verzonden, nog niet betaald: maak een retour aan zodra de artikelen binnenkomen; de klant hoeft niet meer te betalen."
  }
}
