/** The most of one variant a cart line takes; larger orders go through contact. */
export const MAX_LINE_QUANTITY = 999;

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
