/**
 * Low stock, as pure functions: which threshold applies to an inventory item, whether
 * it is low, how urgent it is, and what a change in stock means for the alert.
 *
 * An inventory item's own threshold lives in its metadata (`low_stock_threshold`),
 * so staff can edit it in the admin (our widget, or Medusa's metadata editor, which
 * stores strings); otherwise the shop-wide LOW_STOCK_THRESHOLD applies (readShopSettings in src/config/env.ts).
 * `low_stock_alerted_at` remembers that staff were told about the current crossing.
 */

export const THRESHOLD_KEY = "low_stock_threshold"
export const ALERTED_AT_KEY = "low_stock_alerted_at"
/** Highest threshold staff can set; beyond this a typo is likelier than intent. */
export const MAX_THRESHOLD = 1_000_000

export type Metadata = Record<string, unknown> | null | undefined

/** The item's own threshold (a whole number ≥ 0, number or numeric string), else undefined. */
export function ownThreshold(metadata: Metadata): number | undefined {
  const raw = metadata?.[THRESHOLD_KEY]
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw <= MAX_THRESHOLD) return raw
  if (typeof raw === "string" && /^\s*\d+\s*$/.test(raw)) {
    const value = Number(raw)
    return value <= MAX_THRESHOLD ? value : undefined
  }
  return undefined
}

export function thresholdFor(metadata: Metadata, defaultThreshold: number): { threshold: number; source: "item" | "default" } {
  const own = ownThreshold(metadata)
  return own === undefined ? { threshold: defaultThreshold, source: "default" } : { threshold: own, source: "item" }
}

/** At or below the threshold is low (threshold 0: only when sold out or oversold). */
export function isLow(available: number, threshold: number): boolean {
  return available <= threshold
}

/** available / threshold: 0 is sold out, 1 is just at the threshold; lower is more urgent. */
export function urgency(available: number, threshold: number): number {
  return threshold > 0 ? available / threshold : available
}

export type Urgent = { available: number; threshold: number; sku?: string | null }

/** Most urgent first: available/threshold ascending, then available, then SKU for a stable order. */
export function compareUrgency(a: Urgent, b: Urgent): number {
  return (
    urgency(a.available, a.threshold) - urgency(b.available, b.threshold) ||
    a.available - b.available ||
    (a.sku ?? "").localeCompare(b.sku ?? "")
  )
}

export type AlertDecision = "alert" | "clear" | "none"

/**
 * One e-mail per crossing: alert when the item is low and staff were not told yet;
 * clear the memory once it is above the threshold again, so the next crossing alerts.
 */
export function alertDecision(available: number, threshold: number, metadata: Metadata): AlertDecision {
  const alerted = Boolean(metadata?.[ALERTED_AT_KEY])
  if (isLow(available, threshold)) return alerted ? "none" : "alert"
  return alerted ? "clear" : "none"
}

/**
 * A metadata update for Medusa's module services, which merge metadata and remove a
 * key whose new value is "" (mergeMetadata in @medusajs/utils): null removes the key.
 */
export function metadataPatch(changes: Record<string, string | number | null>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value === null ? "" : value]))
}
