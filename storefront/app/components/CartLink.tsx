import { Icon } from "~/components/Icon";
import { Link } from "@remix-run/react";

function productsLabel(count: number): string {
  return count === 1 ? "1 product" : `${count} producten`;
}

/** Header cart indicator; its accessible name reads e.g. "Winkelmand, 0 producten". */
export function CartLink({ count }: { count: number }) {
  return (
    <Link
      to="/winkelmand"
      className="inline-flex items-center gap-2 rounded-md px-3 py-2 font-semibold text-white hover:bg-white/10"
    >
      <Icon name="cart" className="h-6 w-6" />
      <span>Winkelmand</span>
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
