import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { CartStatus, ShownNotice } from "~/lib/optimistic-cart";

/**
 * One polite live region, always in the page, so screen readers announce a notice
 * that appears after a client-side form post; without JavaScript the notice is simply
 * part of the server-rendered page. An optimistic add-to-cart notice and its confirmation
 * render the same text (only `data-state` differs), so it is announced once; a rollback
 * replaces it with the error, which is announced. It never takes focus.
 */
export function NoticeToast({
  notice,
  noticeKey,
  state = null,
}: {
  notice: ShownNotice | null;
  noticeKey: string | null;
  state?: CartStatus["state"];
}) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => setDismissed(null), [noticeKey]);
  const visible = notice && dismissed !== noticeKey;

  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="pointer-events-none fixed inset-x-0 top-20 z-50 flex justify-center px-4 sm:justify-end sm:px-6"
    >
      {visible ? (
        <div
          // "notice" is the server's word: a page (or test) that goes on after an add waits for it, not for the optimistic one.
          data-testid={state === "pending" ? "notice-pending" : "notice"}
          data-state={state ?? undefined}
          className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border-l-4 bg-white p-4 shadow-lg ring-1 ring-slate-200 ${
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
          <button
            type="button"
            onClick={() => setDismissed(noticeKey)}
            className="rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          >
            <span aria-hidden="true">✕</span>
            <span className="sr-only">Melding sluiten</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
