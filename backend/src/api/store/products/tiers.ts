/**
 * Pure helpers of the tier price route (GET /store/products/:id/tier-prices).
 */

export type QuantityRange = { min_quantity?: number | string | null; max_quantity?: number | string | null }
export type Tier = { min_quantity: number; max_quantity: number | null; amount: number }

/**
 * The quantities at which a variant's unit price can change: 1, every price's
 * min_quantity and the quantity after every max_quantity. Between two of these the
 * set of applicable prices is the same, so so is the calculated price.
 */
export function boundaryQuantities(prices: QuantityRange[]): number[] {
  const quantities = new Set([1])
  for (const p of prices) {
    const min = p.min_quantity == null ? null : Number(p.min_quantity)
    const max = p.max_quantity == null ? null : Number(p.max_quantity)
    if (min != null && Number.isFinite(min) && min > 1) quantities.add(Math.ceil(min))
    if (max != null && Number.isFinite(max) && max >= 1) quantities.add(Math.floor(max) + 1)
  }
  return [...quantities].sort((a, b) => a - b)
}

/**
 * Prices at the boundary quantities → tiers: each runs up to the next boundary whose
 * price differs; the last is open-ended. Sorted by quantity.
 */
export function toTiers(points: { quantity: number; amount: number }[]): Tier[] {
  const sorted = [...points].sort((a, b) => a.quantity - b.quantity)
  const tiers: Tier[] = []
  for (const point of sorted) {
    const last = tiers[tiers.length - 1]
    if (last && last.amount === point.amount) continue
    if (last) last.max_quantity = point.quantity - 1
    tiers.push({ min_quantity: point.quantity, max_quantity: null, amount: point.amount })
  }
  return tiers
}
