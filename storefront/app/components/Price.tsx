import { formatMoney } from "~/lib/format";

type PriceProps = {
  /** Major units incl. btw (12.95 = € 12,95); null when there is no price. */
  amount: number | null;
  currency?: string;
  /** Prefix "vanaf" when variants have different prices. */
  from?: boolean;
  className?: string;
};

export function Price({ amount, currency = "EUR", from = false, className }: PriceProps) {
  if (amount === null) {
    return <p className={className}>Prijs op aanvraag</p>;
  }
  return (
    <p className={className}>
      {from ? <span className="text-sm text-slate-700">vanaf </span> : null}
      <span data-testid="product-price" className="text-lg font-bold text-slate-950">
        {formatMoney(amount, currency)}
      </span>
    </p>
  );
}
