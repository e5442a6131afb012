import { Link, useLocation, useNavigate } from "@remix-run/react";
import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { ADD_URL, stockShortage, submittedQuantity } from "~/lib/cart/optimistic-cart";
import { addToCart, refuseAdd, useCartState, whenAnswered } from "~/lib/cart/pending-adds";

/**
 * The product page's add-to-cart form. Without JavaScript it is a plain form post to
 * the one cart route (POST /winkelmand/wijzigen, intent "add") with a key the server made (it redirects back with a
 * notice). With JavaScript each click is an add of its own (lib/cart/pending-adds.ts): counted
 * in the header at once, sent with its own key, never lost when the page is left. When the
 * stock the page shows cannot cover the cart plus the add, it says so at once instead.
 * The notice sits right under the button (a polite live region): it covers nothing.
 */
export function AddToCartForm({
  handle,
  addKey,
  pendingTitle,
  stockOf,
  inCart,
  className,
  children,
}: {
  handle: string;
  addKey: string;
  pendingTitle: string;
  /** The stock the page shows for a variant (null: not tracked). */
  stockOf: (variantId: string) => number | null;
  /** Units per variant in the cart when the page was loaded (the session's). */
  inCart: Record<string, number>;
  className?: string;
  children: ReactNode;
}) {
  const location = useLocation();
  const cart = useCartState();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const variantId = String(form.get("variantId") ?? "");
    const quantity = String(form.get("quantity") ?? "");
    const page = location.key;
    const thisPage = [...cart.pending.filter((add) => add.page === page && add.variantId === variantId)].reduce((sum, add) => sum + add.counted, 0);
    const shortage = stockShortage(stockOf(variantId), (inCart[variantId] ?? 0) + (cart.added[page]?.[variantId] ?? 0) + thisPage, submittedQuantity(quantity));
    if (shortage) refuseAdd(page, shortage);
    else addToCart(page, { variantId, quantity, title: pendingTitle });
  }

  return (
    // noValidate: the shop answers a quantity it cannot take itself, in Dutch (the stock the page
    // shows, at once; the backend's rule otherwise), instead of the browser's own bubble in the
    // browser's language ("Value must be less than or equal to 8").
    <form method="post" action={ADD_URL} onSubmit={onSubmit} noValidate className={className}>
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="handle" value={handle} />
      <input type="hidden" name="addKey" value={addKey} />
      {children}
      <AddStatus page={location.key} />
    </form>
  );
}

/**
 * The add's notice, right under the button: announced politely (the region is always in
 * the page), never taking focus. An optimistic notice and its confirmation have the same
 * text (only data-state differs), so it is announced once; a refusal replaces it.
 */
function AddStatus({ page }: { page: string }) {
  const { last, pending } = useCartState();
  const navigate = useNavigate();
  const shown = last && last.page === page ? last : null;
  const box = useRef<HTMLDivElement>(null);
  const key = shown?.key;
  // Brought into view when it appears below the fold (a phone), without moving what is in view.
  useEffect(() => {
    if (key) box.current?.scrollIntoView?.({ block: "nearest" });
  }, [key]);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="mt-3">
      {shown ? (
        <div
          ref={box}
          // "notice" is the server's word: a page (or test) that goes on after an add waits for it, not for the optimistic one.
          data-testid={shown.state === "pending" ? "notice-pending" : "notice"}
          data-state={shown.state ?? undefined}
          className={`rounded-lg border-l-4 bg-white p-3 ring-1 ring-slate-200 ${shown.notice.kind === "error" ? "border-red-700" : "border-green-700"}`}
        >
          {shown.notice.kind === "added" ? (
            <>
              <p className="font-semibold text-slate-900">Product toegevoegd aan winkelmand</p>
              <p className="mt-1 text-sm text-slate-700">
                {shown.notice.quantity} × {shown.notice.title}
              </p>
              <Link
                to="/winkelmand"
                // Before the server answered: go once it has, so the cart shows the product.
                onClick={(event) => {
                  if (!pending.length) return;
                  event.preventDefault();
                  void whenAnswered().then(() => navigate("/winkelmand"));
                }}
                className="mt-1 inline-block font-semibold text-brand-blue underline underline-offset-2 hover:no-underline"
              >
                Bekijk winkelmand
              </Link>
            </>
          ) : (
            <p className="font-semibold text-red-800">{shown.notice.message}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
