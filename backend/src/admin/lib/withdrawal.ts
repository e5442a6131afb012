import type { WithdrawalSituation } from "../../workflows/orders/withdrawal-outcome"

/** How a withdrawn order stands, in a few words, for the badges on the order page and above the order list. */
export function withdrawalBadge(situation: WithdrawalSituation, canceled: boolean): { label: string; color: "green" | "orange" | "red" } {
  if (canceled) return { label: "Herroepen · geannuleerd", color: "green" }
  switch (situation) {
    case "unpaid":
      return { label: "Herroepen · nog annuleren", color: "red" }
    case "paid":
      return { label: "Herroepen · terugbetalen", color: "orange" }
    default:
      return { label: "Herroepen · retour", color: "orange" }
  }
}

export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso))
