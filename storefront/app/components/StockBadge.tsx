import { stockState } from "~/lib/catalogue/stock";

const STYLES = {
  in_stock: "text-green-800",
  low: "text-amber-900",
  sold_out: "text-red-800",
} as const;

/** "Op voorraad" / "Nog N op voorraad" / "Uitverkocht", in text (not colour alone). */
export function StockBadge({ stock, className = "" }: { stock: number | null; className?: string }) {
  const state = stockState(stock);
  return (
    <span data-testid="stock" className={`inline-flex items-center gap-1.5 text-sm font-semibold ${STYLES[state.kind]} ${className}`}>
      <span aria-hidden="true">{state.kind === "sold_out" ? "✕" : state.kind === "low" ? "!" : "✓"}</span>
      {state.label}
    </span>
  );
}
