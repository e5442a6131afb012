/**
 * From what order amount shipping is free, per delivery country, read from the shipping
 * options' own Medusa prices (a price of 0 with the rule `item_total >= X`, as the seed
 * creates them and staff edit them in the admin), so the cart's "nog € X tot gratis
 * verzending" can never disagree with what the checkout charges.
 */

export type ShippingOptionPrices = {
  rules?: ({ attribute?: string | null; value?: unknown } | null)[] | null
  service_zone?: { geo_zones?: ({ country_code?: string | null } | null)[] | null } | null
  prices?: ({ amount?: number | string | null; currency_code?: string | null; price_rules?: ({ attribute?: string | null; operator?: string | null; value?: unknown } | null)[] | null } | null)[] | null
}

/** Query fields freeShippingFrom reads. */
export const FREE_SHIPPING_FIELDS = [
  "rules.attribute",
  "rules.value",
  "service_zone.geo_zones.country_code",
  "prices.amount",
  "prices.currency_code",
  "prices.price_rules.attribute",
  "prices.price_rules.operator",
  "prices.price_rules.value",
]

const isReturn = (o: ShippingOptionPrices) => (o.rules ?? []).some((r) => r?.attribute === "is_return" && String(r.value) === "true")

/** The lowest free-shipping threshold of the options that ship to each country (lower-case ISO 2). */
export function freeShippingFrom(options: ShippingOptionPrices[], currency = "eur"): Record<string, number> {
  const result: Record<string, number> = {}
  for (const option of options) {
    if (isReturn(option)) continue
    const thresholds = (option.prices ?? [])
      .filter((p) => p && Number(p.amount) === 0 && (p.currency_code ?? currency).toLowerCase() === currency)
      .flatMap((p) => (p!.price_rules ?? []).filter((r) => r?.attribute === "item_total" && (r.operator === "gte" || r.operator === "gt")))
      .map((r) => Number(r!.value))
      .filter((n) => Number.isFinite(n) && n > 0)
    if (!thresholds.length) continue
    const from = Math.min(...thresholds)
    for (const zone of option.service_zone?.geo_zones ?? []) {
      const country = zone?.country_code?.toLowerCase()
      if (country) result[country] = Math.min(result[country] ?? Infinity, from)
    }
  }
  return result
}
