import { Icon } from "~/components/Icon";
import { Link } from "@remix-run/react";

function productsLabel(count: number): string {
  return count === 1 ? "1 product" : `${count} producten`;
}

/**
 * Header cart indicator; its accessible name reads e.g. "Winkelmand, 0 producten". On a phone
 * the word is for screen readers only (icon and count show): with "Mijn groep" beside it the
 * two no longer fit one row at 390 px, and the header wrapped to an extra row (stranger's
 * walk). The link stays 40 px high and over 80 px wide (WCAG 2.2 target size).
 */
export function CartLink({ count }: { count: number }) {
  return (
    <Link
      to="/winkelmand"
      className="inline-flex items-center gap-2 rounded-md px-3 py-2 font-semibold text-white hover:bg-white/10"
    >
      <Icon name="cart" className="h-6 w-6" />
      <span className="sr-only sm:not-sr-only">Winkelmand</span>
      <span
        data-testid="cart-count"
        aria-hidden="true"
        className="min-w-7 rounded-full bg-brand-yellow px-2 py-0.5 text-center text-sm font-bold text-slate-950"
      >
        {count}
      </span>
      <span className="sr-only">{`, ${productsLabel(count)}`}</span>
    </Link>
  );
}
