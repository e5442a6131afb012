/**
 * The withdrawal period of Directive 2011/83/EU as amended by (EU) 2023/2673: 14 days
 * after the shopper received the goods; before delivery a withdrawal is always
 * possible. With several parcels the period runs from the last one, so it only starts
 * once every ordered unit was delivered. Days are calendar days in Dutch time: a
 * parcel delivered on 1 March may be withdrawn until the end of 15 March.
 */

export const WITHDRAWAL_PERIOD_DAYS = 14

export type OrderForWithdrawal = {
  canceled_at?: string | Date | null
  status?: string | null
  items?: ({ quantity?: number | string | null } | null)[] | null
  fulfillments?:
    | ({
        canceled_at?: string | Date | null
        delivered_at?: string | Date | null
        items?: ({ quantity?: number | string | null } | null)[] | null
      } | null)[]
    | null
}

export type WithdrawalPeriod =
  /** Open: `last_day` is the last day (YYYY-MM-DD, Dutch time), null while not everything was delivered. */
  | { open: true; last_day: string | null }
  | { open: false; reason: "expired"; last_day: string }
  | { open: false; reason: "canceled" }

const dutchDay = (date: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(date)

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const sum = (rows: ({ quantity?: number | string | null } | null)[] | null | undefined) =>
  (rows ?? []).reduce((total, row) => total + Number(row?.quantity ?? 0), 0)

export function withdrawalPeriod(order: OrderForWithdrawal, now: Date = new Date()): WithdrawalPeriod {
  if (order.canceled_at || order.status === "canceled") return { open: false, reason: "canceled" }
  const fulfillments = (order.fulfillments ?? []).filter((f): f is NonNullable<typeof f> => !!f && !f.canceled_at)
  const everythingDelivered =
    fulfillments.length > 0 &&
    fulfillments.every((f) => !!f.delivered_at) &&
    fulfillments.reduce((total, f) => total + sum(f.items), 0) >= sum(order.items)
  if (!everythingDelivered) return { open: true, last_day: null }
  const lastDelivery = new Date(Math.max(...fulfillments.map((f) => new Date(f.delivered_at!).getTime())))
  const lastDay = addDays(dutchDay(lastDelivery), WITHDRAWAL_PERIOD_DAYS)
  return dutchDay(now) <= lastDay ? { open: true, last_day: lastDay } : { open: false, reason: "expired", last_day: lastDay }
}

/** "15 maart 2026" for a YYYY-MM-DD day. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`))
}

export function refusalMessage(period: Exclude<WithdrawalPeriod, { open: true }>): string {
  return period.reason === "canceled"
    ? "Deze bestelling is geannuleerd; er valt niets meer te herroepen."
    : `De herroepingstermijn van deze bestelling is verlopen op ${formatDay(period.last_day)} (14 dagen na de bezorging). Neem contact met ons op als je denkt dat dit niet klopt.`
}

/** "#1042", " 1042 " → 1042; anything else → undefined. */
export function parseOrderNumber(input: string): number | undefined {
  const match = /^\s*#?\s*(\d{1,9})\s*$/.exec(input)
  return match ? Number(match[1]) : undefined
}
