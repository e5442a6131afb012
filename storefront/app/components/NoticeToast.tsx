import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { ShownNotice } from "~/lib/cart/optimistic-cart";

/**
 * The notice after a redirect (post/redirect/get, also without JavaScript): one polite live
 * region, always in the page, so screen readers announce a notice that appears after a
 * client-side form post. A bar in the page's flow right under the header, not floating over
 * it: it covers nothing the shopper needs (WCAG 2.2 2.4.11). The product page's add to cart
 * has its own notice under its button (AddToCartForm).
 *
 * A notice flashed with `focus` is the result of the form just sent (a message, a reply, a
 * warning, a setting): it takes the focus, so keyboard and screen reader users land on the
 * result instead of the top of the page (stranger's walk). Without JavaScript the browser
 * focuses it on load (`autofocus` on the element, focusable through tabindex=-1); with
 * JavaScript an effect does, each time a new notice arrives. Other notices never take focus.
 *
 * A refused cart quantity (a notice with its `line`) is shown at that line by the cart page
 * (routes/winkelmand.tsx), not here. While a cart change is being sent, the previous notice
 * goes away: its answer replaces it (an old "Aantal bijgewerkt." never stands beside a new refusal).
 *
 * "Melding sluiten" (44 × 44 px) is there once JavaScript runs: without it a button could not
 * close anything, and the notice goes with the next page anyway (it is flashed once).
 */
export function NoticeToast({
  notice,
  noticeKey,
  replaced = false,
}: {
  notice: ShownNotice | null;
  noticeKey: string | null;
  /** A cart change is being sent: its answer replaces this notice (root.tsx). */
  replaced?: boolean;
}) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => setDismissed(null), [noticeKey]);
  // the close button only works with JavaScript: without it, it is not shown (stranger's walk: a button that did nothing)
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const atLine = notice?.kind === "error" && Boolean(notice.line);
  const visible = notice && dismissed !== noticeKey && !replaced && !atLine;
  const takesFocus = Boolean(visible && notice.kind !== "added" && notice.focus);
  const focusTarget = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takesFocus) focusTarget.current?.focus();
  }, [noticeKey, takesFocus]);

  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="mx-auto w-full max-w-6xl px-4"
    >
      {visible ? (
        <div
          ref={focusTarget}
          tabIndex={takesFocus ? -1 : undefined}
          // without JavaScript the browser focuses it on load; with JavaScript the effect above does
          autoFocus={takesFocus || undefined}
          data-testid="notice"
          className={`mt-4 flex w-full items-start gap-3 rounded-lg border-l-4 bg-white p-4 ring-1 ring-slate-200 ${
            notice.kind === "error" ? "border-red-700" : "border-green-700"
          }`}
        >
          <div className="flex-1">
            {notice.kind === "added" ? (
              <>
                <p className="font-semibold text-slate-900">Product toegevoegd aan winkelmand</p>
                <p className="mt-1 text-sm text-slate-700">
                  {notice.quantity} × {notice.title}
                </p>
                <Link
                  to="/winkelmand"
                  className="mt-2 inline-block font-semibold text-brand-blue underline underline-offset-2 hover:no-underline"
                >
                  Bekijk winkelmand
                </Link>
              </>
            ) : (
              <p className={notice.kind === "error" ? "font-semibold text-red-800" : "text-slate-900"}>{notice.message}</p>
            )}
          </div>
          {hydrated ? (
            // 44 × 44 px: a target a thumb hits (WCAG 2.2 2.5.8 asks at least 24 × 24)
            <button
              type="button"
              onClick={() => setDismissed(noticeKey)}
              data-testid="notice-close"
              className="-my-2 -mr-2 inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-md text-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <span aria-hidden="true">✕</span>
              <span className="sr-only">Melding sluiten</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
