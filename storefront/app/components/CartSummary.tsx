import { CartGroupNote } from "~/components/CartGroupNote";
import { formatMoney } from "~/lib/format";
import { VAT_RATE_PERCENT } from "~/lib/site";
import { summaryAmounts } from "~/lib/cart/summary";

type CartSummaryProps = {
  itemTotal: number;
  /** Btw of the items alone (Medusa's item_tax_total). */
  itemTaxTotal: number;
  /** chosen: Medusa's total and taxTotal include it; else amount is the estimate added here. */
  shipping: { label: string; amount: number | null; chosen: boolean };
  /** Medusa's tax total and total (with the chosen shipping method, when there is one). */
  taxTotal: number;
  total: number;
  /** The neighbourhood group this order is for (CartView.group); shown above the amounts. */
  group?: { slug: string; name: string } | null;
};

/** Subtotal, shipping, btw and total; every amount already includes 21% btw, and the btw is the total's (summaryAmounts). */
export function CartSummary({ itemTotal, itemTaxTotal, shipping, taxTotal: medusaTax, total: medusaTotal, group }: CartSummaryProps) {
  const { total, taxTotal } = summaryAmounts({ itemTotal, itemTaxTotal, total: medusaTotal, taxTotal: medusaTax, shipping });
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
      <dt className="text-sm">waarvan btw ({VAT_RATE_PERCENT}%)</dt>
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
