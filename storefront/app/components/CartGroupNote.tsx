import { Link, useLocation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { CartForm } from "~/components/CartForm";

/**
 * "Bestelling voor buurtgroep …" on the cart and checkout pages, with a way back to an
 * ordinary order. The form posts to the one cart action (works without JavaScript),
 * which returns to the page it came from.
 */
export function CartGroupNote({ group }: { group: { slug: string; name: string } }) {
  const location = useLocation();
  return (
    <div data-testid="cart-group" className="rounded-lg border-l-4 border-brand-blue bg-brand-blue-light p-4 text-slate-900">
      <p>
        Bestelling voor buurtgroep{" "}
        <Link to={`/groepen/${encodeURIComponent(group.slug)}`} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          {group.name}
        </Link>
      </p>
      <p className="mt-1 text-sm text-slate-700">Je bestelling telt mee voor de groep. De groep ziet alleen hoeveel er besteld is, niet wie.</p>
      <CartForm intent="remove-group" fields={{ returnTo: location.pathname }} className="mt-2">
        <Button type="submit" variant="link" className="text-sm">
          Niet voor een groep bestellen
        </Button>
      </CartForm>
    </div>
  );
}
