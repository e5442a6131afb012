/**
 * An order's lines as the shopper reads them, in the shop's mails and on the withdrawal
 * page: the product's name (Medusa's `product_title`, else the line's own title), the
 * variant and how many. One place, so a mail and the page never name a line differently.
 */

/** A line as the shopper reads it. */
export type ItemLine = { title: string; variant_title?: string | null; quantity: number }

/** The Query fields itemLine reads of an order's items. */
export const ITEM_LINE_FIELDS = ["items.quantity", "items.title", "items.product_title", "items.variant_title"]

/** One order item (from Query) as the shopper reads it. */
export function itemLine(item: any): { title: string; variant_title: string | null; quantity: number } {
  return {
    title: item.product_title ?? item.title,
    variant_title: item.variant_title ?? null,
    quantity: Number(item.quantity ?? 0),
  }
}

/** An order's items (from Query) as the shopper reads them, empty entries skipped. */
export function orderItemLines(order: { items?: unknown[] | null }): ItemLine[] {
  return (order.items ?? []).filter(Boolean).map(itemLine)
}

/** "2 × Straatbord (30 x 45 cm)": a line in a mail's list. */
export function itemLineText(line: ItemLine): string {
  return `${line.quantity} × ${line.title}${line.variant_title ? ` (${line.variant_title})` : ""}`
}
