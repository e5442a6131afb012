import { formatNumber } from "../format";

/** "1 bord in deze buurt", "12 borden in deze buurt"; null for none (the line is then hidden). */
export function signsOrderedLabel(signs: number | null | undefined): string | null {
  if (!signs || !Number.isFinite(signs) || signs < 1) return null;
  const n = Math.floor(signs);
  return `${formatNumber(n)} ${n === 1 ? "bord" : "borden"} in deze buurt`;
}

/** Where "Niet voor een groep bestellen" may return to: only the cart and checkout pages. */
export function safeCartReturnPath(value: unknown): string {
  return typeof value === "string" && /^\/(winkelmand|afrekenen(\/(verzending|betalen))?)$/.test(value) ? value : "/winkelmand";
}

/**
 * Where a refused group choice returns to: the group's own page, or its order or members'
 * page (the forms that choose a group), for that group only; anything else to the cart.
 */
export function safeGroupPagePath(value: unknown, slug: string): string {
  const base = `/groepen/${encodeURIComponent(slug)}`;
  return typeof value === "string" && [base, `${base}/bestellen`, `${base}/meedoen`].includes(value) ? value : "/winkelmand";
}
