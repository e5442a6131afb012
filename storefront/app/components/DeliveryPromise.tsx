import { type DeliveryInfo, freeShippingLine } from "~/lib/checkout/delivery";

/**
 * Delivery time and free-shipping threshold before checkout (product page, cart,
 * checkout summary): a shopper must know when the order arrives and what shipping costs
 * before ordering (Directive 2011/83/EU art. 6(1)(e) and (g), BW 6:230m).
 */
export function DeliveryPromise({ info, country, className = "" }: { info: DeliveryInfo; country: string; className?: string }) {
  const free = freeShippingLine(info, country);
  return (
    <ul role="list" data-testid="delivery-promise" className={`space-y-1 text-sm text-slate-800 ${className}`}>
      <li className="flex gap-2">
        <span aria-hidden="true">✓</span>
        <span>{info.promise}</span>
      </li>
      {free ? (
        <li className="flex gap-2">
          <span aria-hidden="true">✓</span>
          <span>{free}</span>
        </li>
      ) : null}
    </ul>
  );
}
