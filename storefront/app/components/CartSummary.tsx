import { formatPrice } from "~/lib/format";

type CartSummaryProps = {
  itemTotal: number;
  shipping: { label: string; amount: number | null };
  taxTotal: number;
  total: number;
};

/** Subtotal, shipping, btw and total; every amount already includes 21% btw. */
export function CartSummary({ itemTotal, shipping, taxTotal, total }: CartSummaryProps) {
  return (
    <dl data-testid="cart-summary" className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-slate-800">
      <dt>Subtotaal</dt>
      <dd className="text-right" data-testid="subtotal">
        {formatPrice(itemTotal)}
      </dd>
      <dt>{shipping.label}</dt>
      <dd className="text-right" data-testid="shipping">
        {shipping.amount === null ? "wordt berekend" : shipping.amount === 0 ? "Gratis" : formatPrice(shipping.amount)}
      </dd>
      <dt className="border-t border-slate-300 pt-2 text-lg font-bold text-slate-950">Totaal</dt>
      <dd className="border-t border-slate-300 pt-2 text-right text-lg font-bold text-slate-950" data-testid="total">
        {formatPrice(total)}
      </dd>
      <dt className="text-sm">waarvan btw (21%)</dt>
      <dd className="text-right text-sm" data-testid="tax">
        {formatPrice(taxTotal)}
      </dd>
    </dl>
  );
}
