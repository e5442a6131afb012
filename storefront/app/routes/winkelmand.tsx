import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { Button } from "~/components/Button";
import { CartForm } from "~/components/CartForm";
import { CartGroupNote } from "~/components/CartGroupNote";
import { CartSummary } from "~/components/CartSummary";
import { publicCart } from "~/lib/cart/cart.server";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getShippingGroups, shippingEstimate } from "~/lib/checkout/checkout.server";
import { formatMoney } from "~/lib/format";
import { STOREFRONT_NAME } from "~/lib/site";
import { privatePageHeaders } from "~/lib/request/headers";
import { MAX_LINE_QUANTITY } from "~/lib/catalogue/stock";
import { DeliveryPromise } from "~/components/DeliveryPromise";
import { type DeliveryInfo, freeShippingProgress } from "~/lib/checkout/delivery";
import { loadDelivery } from "~/lib/checkout/delivery.server";
import { lineName } from "~/lib/cart/line-name";
import type { loader as rootLoader } from "~/root";

export const meta: MetaFunction = () => [
  { title: `Winkelmand | ${STOREFRONT_NAME}` },
  { name: "robots", content: "noindex" },
];

export async function loader({ context }: LoaderFunctionArgs) {
  // Only what this read changed about the cart is written back (the request context: an add may be under way meanwhile).
  const cart = await loadFromBackend(() => context.cart.load());
  const [groups, delivery] = await loadFromBackend(() =>
    Promise.all([cart?.lines.length ? getShippingGroups(cart.id) : Promise.resolve([]), loadDelivery()]),
  );
  const estimate = shippingEstimate(groups);
  return data(
    { cart: cart ? publicCart(cart) : null, estimate, shipments: groups.map((g) => g.profile_name), delivery },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function CartPage() {
  const { cart, estimate, shipments, delivery } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const notice = root?.notice ?? null;
  const noticeKey = root?.noticeKey ?? null;
  // The notice of a quantity update belongs to its line: a refusal is shown there, the field keeps what was typed.
  const noticeLine = notice && notice.kind !== "added" && notice.line ? notice.line : null;
  const refused = notice?.kind === "error" && noticeLine ? { ...noticeLine, message: notice.message } : null;
  const refusedLine = refused ? cart?.lines.find((line) => line.id === refused.id) : undefined;
  // While a new change is sent, the refusal's messages go (its answer replaces them); the field keeps its value.
  const showRefusal = Boolean(refused) && !busy;
  // After an update (with JavaScript) the focus stays at that line's field, which the answer re-renders;
  // without JavaScript the field's autofocus does this on load.
  useEffect(() => {
    if (noticeLine) document.getElementById(`qty-${noticeLine.id}`)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [noticeKey]);

  if (!cart || cart.lines.length === 0) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-3xl font-extrabold text-brand-blue">Winkelmand</h1>
        {refused && showRefusal ? <LineRefusedElsewhere message={refused.message} /> : null}
        <p className="mt-4 text-lg text-slate-700">Je winkelmand is leeg.</p>
        {cart?.group ? (
          <div className="mt-6">
            <CartGroupNote group={cart.group} />
          </div>
        ) : null}
        <Link to="/" className="mt-6 inline-block font-semibold text-brand-blue underline underline-offset-2">
          Verder winkelen
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-extrabold text-brand-blue">Winkelmand</h1>
      {refused && showRefusal && refusedLine ? (
        // the error summary, as the checkout's: what is wrong and a link to the field
        <div data-testid="error-summary" className="mt-4 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">Eén aantal is nog niet goed ingevuld:</p>
          <p className="mt-1 text-sm">
            <a href={`#qty-${refusedLine.id}`} className="underline underline-offset-2 hover:no-underline">
              {lineName(refusedLine.title, refusedLine.variantTitle)}: {refused.message}
            </a>
          </p>
        </div>
      ) : refused && showRefusal ? (
        <LineRefusedElsewhere message={refused.message} />
      ) : null}
      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_22rem]">
        <ul role="list" className="divide-y divide-slate-200 border-y border-slate-200">
          {cart.lines.map((line) => {
            const name = lineName(line.title, line.variantTitle);
            const error = refused?.id === line.id ? refused : null;
            const invalid = showRefusal ? error : null;
            const errorId = `qty-${line.id}-fout`;
            return (
            <li key={line.id} data-testid="cart-line" className="flex flex-wrap items-center gap-4 py-5">
              <div className="h-20 w-20 shrink-0 overflow-hidden rounded-lg bg-brand-blue-light">
                {line.thumbnail ? <img src={line.thumbnail} alt="" width={80} height={80} className="h-full w-full object-contain" /> : null}
              </div>
              <div className="min-w-48 flex-1">
                <p className="font-semibold text-slate-900">
                  {line.handle ? (
                    <Link to={`/producten/${line.handle}`} className="hover:underline">
                      {line.title}
                    </Link>
                  ) : (
                    line.title
                  )}
                </p>
                {line.variantTitle ? <p className="text-sm text-slate-700">{line.variantTitle}</p> : null}
                <p className="text-sm text-slate-700">{formatMoney(line.unitPrice)} per stuk</p>
              </div>
              <CartForm intent="update" fields={{ lineId: line.id }} className="flex items-end gap-2">
                <div>
                  <label htmlFor={`qty-${line.id}`} className="block text-sm font-semibold">
                    Aantal<span className="sr-only"> {name}</span>
                  </label>
                  <input
                    // a new quantity from the server (an add answered after this page loaded) or a refusal
                    // (the field shows what was typed) replaces the field's value
                    key={error ? `${line.quantity}-${noticeKey}` : line.quantity}
                    id={`qty-${line.id}`}
                    name="quantity"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={MAX_LINE_QUANTITY}
                    defaultValue={error ? error.typed : line.quantity}
                    required
                    aria-invalid={invalid ? true : undefined}
                    aria-describedby={invalid ? errorId : undefined}
                    // without JavaScript the browser focuses the field of the line just updated on load
                    autoFocus={noticeLine?.id === line.id || undefined}
                    className={`mt-1 w-20 rounded-lg border-2 px-2 py-1.5 ${invalid ? "border-red-700" : "border-slate-400"}`}
                  />
                </div>
                <Button type="submit" variant="secondary" disabled={busy} className="px-3 py-1.5 text-sm">
                  Bijwerken
                </Button>
              </CartForm>
              {invalid ? (
                <p id={errorId} data-testid="line-error" className="order-last w-full text-sm font-semibold text-red-800">
                  {name}: {invalid.message} In je winkelmand blijft het aantal {line.quantity}.
                </p>
              ) : null}
              <p className="w-24 text-right font-semibold" data-testid="line-total">
                {formatMoney(line.total)}
              </p>
              <CartForm intent="remove" fields={{ lineId: line.id }}>
                <Button type="submit" variant="link" disabled={busy} className="text-sm">
                  Verwijder<span className="sr-only"> {name}</span>
                </Button>
              </CartForm>
            </li>
            );
          })}
        </ul>

        <aside aria-labelledby="overzicht" className="h-fit rounded-xl border border-slate-200 bg-slate-50 p-6">
          <h2 id="overzicht" className="text-xl font-bold text-slate-900">
            Overzicht
          </h2>
          <div className="mt-4">
            <CartSummary
              itemTotal={cart.itemTotal}
              itemTaxTotal={cart.itemTaxTotal}
              shipping={{ label: "Verzending (schatting)", amount: estimate, chosen: false }}
              taxTotal={cart.taxTotal}
              total={cart.total}
              group={cart.group}
            />
          </div>
          <FreeShippingProgress delivery={delivery} country={cart.countryCode} itemTotal={cart.itemTotal} />
          <DeliveryPromise info={delivery} country={cart.countryCode} className="mt-3" />
          {shipments.length > 1 ? (
            <p className="mt-3 text-sm text-slate-700">
              Je bestelling gaat in {shipments.length} zendingen: {shipments.join(" en ").toLowerCase()}.
            </p>
          ) : null}
          <Link
            to="/afrekenen"
            className="mt-6 block rounded-lg bg-brand-blue px-5 py-3 text-center text-lg font-semibold text-white hover:bg-brand-blue-dark"
          >
            Afrekenen
          </Link>
          <Link to="/" className="mt-3 block text-center font-semibold text-brand-blue underline underline-offset-2">
            Verder winkelen
          </Link>
        </aside>
      </div>
    </div>
  );
}

/** A refused quantity of a line that is no longer in the cart (removed in another tab): shown at the top. */
function LineRefusedElsewhere({ message }: { message: string }) {
  return (
    <p role="alert" data-testid="error-summary" className="mt-4 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
      {message}
    </p>
  );
}

/** "Nog € 45,05 tot gratis verzending": announced politely when a quantity change moves it. */
function FreeShippingProgress({ delivery, country, itemTotal }: { delivery: DeliveryInfo; country: string; itemTotal: number }) {
  const progress = freeShippingProgress(delivery, country, itemTotal);
  if (!progress) return null;
  return (
    <p
      role="status"
      data-testid="free-shipping"
      className={`mt-4 rounded-lg p-3 text-sm font-semibold ${progress.free ? "bg-green-50 text-green-900" : "bg-amber-50 text-slate-900"}`}
    >
      {progress.text}
    </p>
  );
}

export const headers = privatePageHeaders;
