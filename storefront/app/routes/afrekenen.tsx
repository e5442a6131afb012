import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { publicCart } from "~/lib/cart/cart.server";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { formatMoney } from "~/lib/format";
import { CartSummary } from "~/components/CartSummary";
import { DeliveryPromise } from "~/components/DeliveryPromise";
import { getShippingGroups, shippingEstimate } from "~/lib/checkout/checkout.server";
import { itemCountLabel } from "~/lib/cart/cart-count";
import { loadDelivery } from "~/lib/checkout/delivery.server";
import { STOREFRONT_NAME } from "~/lib/site";
import { privatePageHeaders } from "~/lib/request/headers";

export const meta: MetaFunction = () => [
  { title: `Afrekenen | ${STOREFRONT_NAME}` },
  { name: "robots", content: "noindex" },
];

/** The checkout steps share this layout: the cart must not be empty. */
export async function loader({ context }: LoaderFunctionArgs) {
  // Only what this read changed about the cart is written back (the request context; an add may be under way meanwhile).
  const cart = await loadFromBackend(() => context.cart.load());
  const headers = { "Cache-Control": "private, no-store" };
  if (!cart || cart.lines.length === 0) throw redirect("/winkelmand", { headers });
  // Shipping and total in every step: the chosen method's cost, else the cheapest estimate.
  const chosen = cart.shippingMethodCount > 0;
  const [estimate, delivery] = await loadFromBackend(() =>
    Promise.all([chosen ? Promise.resolve(cart.shippingTotal) : getShippingGroups(cart.id).then(shippingEstimate), loadDelivery()]),
  );
  return data({ cart: publicCart(cart), shipping: { chosen, amount: estimate }, delivery }, { headers });
}

export default function CheckoutLayout() {
  const { cart, shipping, delivery } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-extrabold text-brand-blue">Afrekenen</h1>
      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_22rem]">
        <div>
          <Outlet />
        </div>
        <aside aria-labelledby="je-bestelling" className="h-fit rounded-xl border border-slate-200 bg-slate-50 p-6">
          <h2 id="je-bestelling" className="text-lg font-bold text-slate-900">
            Je bestelling <span className="font-normal text-slate-700">({itemCountLabel(cart.count)})</span>
          </h2>
          <ul role="list" className="mt-3 space-y-2 text-sm text-slate-800">
            {cart.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-4">
                <span>
                  {line.quantity} × {line.title}
                  {line.variantTitle ? <span className="block text-slate-700">{line.variantTitle}</span> : null}
                </span>
                <span className="font-semibold">{formatMoney(line.total)}</span>
              </li>
            ))}
          </ul>
          <div className="mt-4 border-t border-slate-300 pt-4 text-sm">
            <CartSummary
              itemTotal={cart.itemTotal}
              itemTaxTotal={cart.itemTaxTotal}
              shipping={{ label: shipping.chosen ? "Verzending" : "Verzending (schatting)", amount: shipping.amount, chosen: shipping.chosen }}
              taxTotal={cart.taxTotal}
              total={cart.total}
            />
          </div>
          <DeliveryPromise info={delivery} country={cart.countryCode} className="mt-4" />
        </aside>
      </div>
    </div>
  );
}

export const headers = privatePageHeaders;
