/**
 * The one rule for the amounts under a cart or order summary: every price includes 21% btw,
 * shipping too, so "waarvan btw" is the btw of the total shown beside it. Before the shopper
 * chose a shipping method the summary adds the estimate to the items, and its btw to theirs;
 * once chosen (and on an order) Medusa's own total and tax total already hold both.
 * Pure; the cart page, every checkout step and the confirmation page use it.
 */

import { VAT_RATE_PERCENT } from "../site";

const VAT_RATE = VAT_RATE_PERCENT / 100;

/** The btw inside an amount that includes btw: 6.95 → 1.206… (rounded only when shown). */
export function vatIncluded(amount: number, rate = VAT_RATE): number {
  return (amount * rate) / (1 + rate);
}

export type SummaryInput = {
  itemTotal: number;
  /** Btw of the items alone (Medusa's item_tax_total). */
  itemTaxTotal: number;
  /** Medusa's total and tax total, which include the chosen shipping method. */
  total: number;
  taxTotal: number;
  /** chosen: the cart's or order's own shipping method; else the estimate (null: not known yet). */
  shipping: { chosen: boolean; amount: number | null };
};

export function summaryAmounts({ itemTotal, itemTaxTotal, total, taxTotal, shipping }: SummaryInput): {
  total: number;
  taxTotal: number;
} {
  if (shipping.chosen) return { total, taxTotal };
  const estimate = shipping.amount ?? 0;
  return { total: itemTotal + estimate, taxTotal: itemTaxTotal + vatIncluded(estimate) };
}
