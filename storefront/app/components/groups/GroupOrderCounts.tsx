import { formatNumber } from "~/lib/format";
import { type GroupOrderCounts as Counts, orderedInNeighbourhoodLabel, ordersLabel } from "~/lib/groups/group-share";

/**
 * What members ordered for the admin's group, in "Mijn groep": counts only (orders, signs,
 * stickers, units per product), never who ordered or where they live.
 */
export function GroupOrderCounts({ counts, id }: { counts: Counts | null; id: string }) {
  return (
    <section aria-labelledby={id} data-testid="group-order-counts" className="rounded-xl border-2 border-slate-200 bg-white p-5">
      <h3 id={id} className="text-xl font-bold text-slate-900">
        Besteld via je groep
      </h3>
      {counts === null ? (
        <p className="mt-1 text-slate-700">De aantallen zijn nu niet op te halen. Probeer het later opnieuw.</p>
      ) : (
        <>
          <p className="mt-1 text-lg font-semibold text-slate-900" data-testid="group-orders-total">
            {ordersLabel(counts.orders)}
          </p>
          {orderedInNeighbourhoodLabel(counts.signs, counts.stickers) ? (
            <p className="text-slate-800" data-testid="group-ordered-label">
              {orderedInNeighbourhoodLabel(counts.signs, counts.stickers)}
            </p>
          ) : null}
          {counts.products.length ? (
            <table className="mt-3 w-full text-left">
              <caption className="sr-only">Aantallen per product</caption>
              <thead>
                <tr className="border-b border-slate-300 text-sm text-slate-700">
                  <th scope="col" className="py-1.5 pr-3 font-semibold">
                    Product
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-semibold">
                    Aantal
                  </th>
                  <th scope="col" className="py-1.5 text-right font-semibold">
                    Bestellingen
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts.products.map((p) => (
                  <tr key={p.title} className="border-b border-slate-100" data-testid="group-order-product">
                    <th scope="row" className="py-1.5 pr-3 font-normal">
                      {p.title}
                    </th>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{formatNumber(p.quantity)}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatNumber(p.orders)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="mt-3 text-sm text-slate-700">Je ziet alleen aantallen, nooit namen of adressen van wie bestelde.</p>
        </>
      )}
    </section>
  );
}
