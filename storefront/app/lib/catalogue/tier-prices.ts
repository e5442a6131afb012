import { formatMoney } from "../format";

/** One quantity price: `amount` per unit (major units, incl. btw) from `min` to `max` units (null: no upper limit). */
export type PriceTier = { min: number; max: number | null; amount: number };

/** As GET /store/products/:id/tier-prices answers per variant. */
export type ApiTier = { min_quantity: number; max_quantity: number | null; amount: number };

/**
 * API tiers → sorted, well-formed tiers. Adjacent tiers with the same price are
 * merged; anything malformed (no finite amount, minimum below 1) is dropped. Returns
 * [] when there is only one price, so the page shows no table for it.
 */
export function toPriceTiers(tiers: ApiTier[] | null | undefined): PriceTier[] {
  const clean = (tiers ?? [])
    .filter((t) => Number.isFinite(t.amount) && Number.isInteger(t.min_quantity) && t.min_quantity >= 1)
    .map((t) => ({ min: t.min_quantity, max: t.max_quantity ?? null, amount: t.amount }))
    .sort((a, b) => a.min - b.min);
  const merged: PriceTier[] = [];
  for (const tier of clean) {
    const last = merged[merged.length - 1];
    if (last && last.amount === tier.amount) {
      last.max = tier.max;
      continue;
    }
    // Close the previous tier just before this one, whatever the API said.
    if (last) last.max = tier.min - 1;
    merged.push({ ...tier });
  }
  return merged.length > 1 ? merged : [];
}

/** "1 stuk", "1–4 stuks", "5 stuks", "vanaf 10 stuks". */
export function tierQuantityLabel(tier: Pick<PriceTier, "min" | "max">): string {
  if (tier.max === null) return `vanaf ${tier.min} ${tier.min === 1 ? "stuk" : "stuks"}`;
  if (tier.max === tier.min) return `${tier.min} ${tier.min === 1 ? "stuk" : "stuks"}`;
  return `${tier.min}–${tier.max} stuks`;
}

/**
 * The tiers in one line, e.g.
 * "1–4 stuks € 19,95 · 5–9 stuks € 18,55 per stuk · vanaf 10 stuks € 17,55 per stuk".
 */
export function formatTiers(tiers: PriceTier[], currency = "EUR"): string {
  return tiers
    .map((t, i) => `${tierQuantityLabel(t)} ${formatMoney(t.amount, currency)}${i > 0 ? " per stuk" : ""}`)
    .join(" · ");
}

/** The tier that applies to `quantity`, or undefined. */
export function tierFor(tiers: PriceTier[], quantity: number): PriceTier | undefined {
  return tiers.find((t) => quantity >= t.min && (t.max === null || quantity <= t.max));
}

/** Whole percent saved per unit against the first tier, e.g. 7 for € 18,55 against € 19,95. */
export function tierSaving(tiers: PriceTier[], tier: PriceTier): number {
  const first = tiers[0];
  if (!first || first.amount <= 0 || tier.amount >= first.amount) return 0;
  return Math.round((1 - tier.amount / first.amount) * 100);
}
