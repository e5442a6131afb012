/**
 * The most of one variant a cart line takes; larger orders go through contact. The backend owns
 * this rule and answers it in Dutch (backend/src/lib/cart-lines.ts, the same 999): here it only
 * sets the quantity field's `max` and keeps the page from counting an add it knows is refused.
 */
export const MAX_LINE_QUANTITY = 999;

/**
 * How a quantity is written: plain decimal digits only. `Number()` also reads "0x10" (16), "1e2"
 * (100), "0b11", "0o7", "+5", "5.0" and " 5 ", which a shopper never types (a number field sends
 * digits): those are refused rather than read as something else.
 */
export const QUANTITY_PATTERN = /^[0-9]+$/;

/** From this many units left, the shop says "Nog N op voorraad". */
export const LOW_STOCK_THRESHOLD = 10;

export type StockState =
  | { kind: "in_stock"; label: "Op voorraad" }
  | { kind: "low"; label: string; left: number }
  | { kind: "sold_out"; label: "Uitverkocht" };

/** The shop's one rule for stock labels. `null` means stock is not tracked: always available. */
export function stockState(inventoryQuantity: number | null | undefined, threshold = LOW_STOCK_THRESHOLD): StockState {
  if (inventoryQuantity === null || inventoryQuantity === undefined) return { kind: "in_stock", label: "Op voorraad" };
  if (inventoryQuantity <= 0) return { kind: "sold_out", label: "Uitverkocht" };
  if (inventoryQuantity <= threshold) {
    return { kind: "low", label: `Nog ${inventoryQuantity} op voorraad`, left: inventoryQuantity };
  }
  return { kind: "in_stock", label: "Op voorraad" };
}
