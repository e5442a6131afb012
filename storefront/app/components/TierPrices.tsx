import { formatMoney } from "~/lib/format";
import { type PriceTier, tierFor, tierQuantityLabel, tierSaving } from "~/lib/catalogue/tier-prices";

type TierPricesProps = {
  tiers: PriceTier[];
  currency: string;
  /** The variant the tiers belong to, named in the caption (products with several variants). */
  variantLabel?: string;
  /** The quantity in the form: its row is marked. */
  quantity?: number;
  className?: string;
};

/**
 * Quantity prices of one variant as a small table: "1–4 stuks € 19,95 · 5–9 stuks
 * € 18,55 per stuk · vanaf 10 stuks € 17,55 per stuk". The cart charges the same
 * (Medusa picks the price by the line's quantity).
 */
export function TierPrices({ tiers, currency, variantLabel, quantity, className = "" }: TierPricesProps) {
  if (tiers.length < 2) return null;
  const active = quantity ? tierFor(tiers, quantity) : undefined;
  return (
    <section aria-labelledby="staffelprijs" data-testid="tier-prices" className={className}>
      <h2 id="staffelprijs" className="font-semibold text-slate-900">
        Staffelprijs
      </h2>
      <table className="mt-2 w-full max-w-md border-collapse text-left text-sm">
        <caption className="mb-1 text-left text-slate-700">
          Prijs per stuk incl. 21% btw{variantLabel ? `, ${variantLabel}` : ""}. Hoe meer je bestelt, hoe lager de prijs.
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Aantal
            </th>
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Prijs per stuk
            </th>
            <th scope="col" className="py-1.5 font-semibold">
              Voordeel
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => {
            const isActive = tier === active;
            const saving = tierSaving(tiers, tier);
            return (
              <tr
                key={tier.min}
                data-testid="tier-row"
                className={`border-b border-slate-200 ${isActive ? "bg-brand-blue-light font-semibold" : ""}`}
              >
                <th scope="row" className="py-1.5 pr-4 font-medium">
                  {tierQuantityLabel(tier)}
                  {isActive ? <span className="sr-only"> (jouw aantal)</span> : null}
                </th>
                <td className="py-1.5 pr-4">{formatMoney(tier.amount, currency)}</td>
                <td className="py-1.5">{saving > 0 ? `${saving}% korting` : "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
