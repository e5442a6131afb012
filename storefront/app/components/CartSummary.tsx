import { CartGroupNote } from "~/components/CartGroupNote";
import { formatMoney } from "~/lib/format";

type CartSummaryProps = {
  itemTotal: number;
  shipping: { label: string; amount: number | null };
  taxTotal: number;
  total: number;
  /** The neighbourhood group this order is for (CartView.group); shown above the amounts. */
  group?: { slug: string; name: string } | null;
};

/** Subtotal, shipping, btw and total; every amount already includes 21% btw. */
export function CartSummary({ itemTotal, shipping, taxTotal, total, group }: CartSummaryProps) {
  const amounts = (
    <dl data-testid="cart-summary" className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-slate-800">
      <dt>Subtotaal</dt>
      <dd className="text-right" data-testid="subtotal">
        {formatMoney(itemTotal)}
      </dd>
      <dt>{shipping.label}</dt>
      <dd className="text-right" data-testid="shipping">
        {shipping.amount === null ? "wordt berekend" : shipping.amount === 0 ? "Gratis" : formatMoney(shipping.amount)}
      </dd>
      <dt className="border-t border-slate-300 pt-2 text-lg font-bold text-slate-950">Totaal</dt>
      <dd className="border-t border-slate-300 pt-2 text-right text-lg font-bold text-slate-950" data-testid="total">
        {formatMoney(total)}
      </dd>
      <dt className="text-sm">waarvan btw (21%)</dt>
      <dd className="text-right text-sm" data-testid="tax">
        {formatMoney(taxTotal)}
      </dd>
    </dl>
  );
  if (!group) return amounts;
  return (
    <div className="space-y-4">
      <CartGroupNote group={group} />
      {amounts}
    </div>
  );
}
