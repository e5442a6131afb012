/**
 * Optimistic add-to-cart (as Hydrogen's cart does): while the product page's fetcher
 * posts, the header count and the notice are drawn from the submitted form; the
 * action's answer then confirms them or rolls them back. Pure, so it is unit tested;
 * the hook that feeds it lives in components/AddToCartForm.tsx.
 */

import { MAX_LINE_QUANTITY } from "./stock";

/** The one fetcher key of the add-to-cart form, read by the layout for the header. */
export const ADD_TO_CART_FETCHER = "add-to-cart";

/** Form field the browser adds when it posts with JavaScript: answer with data, not a redirect. */
export const RESPOND_WITH_DATA = "respond";

/** Form field with the product's label for the optimistic notice; never trusted by the server. */
export const PENDING_TITLE = "pendingTitle";

export type AddedNotice = { kind: "added"; title: string; quantity: number };

/** What the product action answers a JavaScript post. */
export type AddToCartResult = { ok: true; count: number; notice: AddedNotice } | { ok: false; message: string };

export type ShownNotice = AddedNotice | { kind: "error"; message: string } | { kind: "info"; message: string };

export type CartStatus = {
  count: number;
  notice: ShownNotice | null;
  /** Changes for each new notice, so a dismissed notice stays dismissed until the next one. */
  noticeKey: string | null;
  /** "pending" while only the browser knows about the add; the server has not answered yet. */
  state: "pending" | "confirmed" | null;
};

export type AddFetcherView = {
  state: "idle" | "submitting" | "loading";
  formData?: FormData;
  data?: AddToCartResult;
  /** Number of this submission on this page; null when it belongs to an earlier page. */
  submission: number | null;
};

/** The quantity the shopper asked for, or 0 when the form holds no whole number from 1 to MAX_LINE_QUANTITY. */
export function submittedQuantity(formData: FormData | undefined): number {
  const quantity = Number(formData?.get("quantity"));
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_LINE_QUANTITY ? quantity : 0;
}

/**
 * The header count and notice to show: the loader's (from the session cookie) unless
 * an add on this page is under way (optimistic) or has been answered (confirmed, or
 * rolled back to the loader's count with the server's error).
 */
export function cartStatus(
  loader: { count: number; notice: ShownNotice | null; noticeKey: string | null },
  fetcher: AddFetcherView,
): CartStatus {
  const fromLoader: CartStatus = { count: loader.count, notice: loader.notice, noticeKey: loader.noticeKey, state: null };
  if (fetcher.submission === null) return fromLoader;
  const noticeKey = `add-${fetcher.submission}`;
  if (fetcher.state === "submitting" && fetcher.formData) {
    const quantity = submittedQuantity(fetcher.formData);
    if (!quantity) return fromLoader; // the server will say what is wrong
    const title = String(fetcher.formData.get(PENDING_TITLE) ?? "");
    return { count: loader.count + quantity, notice: { kind: "added", title, quantity }, noticeKey, state: "pending" };
  }
  const result = fetcher.data;
  if (!result) return fromLoader;
  if (!result.ok) return { count: loader.count, notice: { kind: "error", message: result.message }, noticeKey, state: null };
  return { count: result.count, notice: result.notice, noticeKey, state: "confirmed" };
}
