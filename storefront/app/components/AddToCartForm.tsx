import { useFetcher, useLocation } from "@remix-run/react";
import { type FormEvent, type ReactNode, useRef } from "react";
import {
  ADD_TO_CART_FETCHER,
  type AddToCartResult,
  cartStatus,
  type CartStatus,
  PENDING_TITLE,
  RESPOND_WITH_DATA,
  type ShownNotice,
} from "~/lib/optimistic-cart";

/**
 * The product page's add-to-cart form. Without JavaScript it is a plain form post
 * (the action redirects back with a flash notice). With JavaScript it posts through
 * the shared fetcher instead, so the header and the notice update from the submitted
 * form at once (see useCartStatus) and the page itself stays where it is, focus included.
 */
export function AddToCartForm({ pendingTitle, className, children }: { pendingTitle: string; className?: string; children: ReactNode }) {
  const fetcher = useFetcher<AddToCartResult>({ key: ADD_TO_CART_FETCHER });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // One add at a time: a second submission would abort the first in the browser
    // while the server still adds it, and the optimistic count would lose it.
    if (fetcher.state === "submitting") return;
    const formData = new FormData(event.currentTarget);
    formData.set(RESPOND_WITH_DATA, "data");
    formData.set(PENDING_TITLE, pendingTitle);
    fetcher.submit(formData, { method: "post" });
  }

  return (
    <form method="post" onSubmit={onSubmit} className={className} aria-busy={fetcher.state === "submitting"}>
      {children}
    </form>
  );
}

/**
 * The header count and notice for the layout: the root loader's, or the add-to-cart
 * fetcher's while it belongs to the page on screen (a later navigation shows the loader's again).
 */
export function useCartStatus(loader: { count: number; notice: ShownNotice | null; noticeKey: string | null }): CartStatus {
  const fetcher = useFetcher<AddToCartResult>({ key: ADD_TO_CART_FETCHER });
  const location = useLocation();
  // Each submission carries a new FormData: count them and remember the page they were made on.
  const last = useRef<{ formData: FormData | null; count: number; locationKey: string | null }>({
    formData: null,
    count: 0,
    locationKey: null,
  });
  if (fetcher.formData && fetcher.formData !== last.current.formData) {
    last.current = { formData: fetcher.formData, count: last.current.count + 1, locationKey: location.key };
  }
  const current = fetcher.state !== "idle" || last.current.locationKey === location.key;
  return cartStatus(loader, {
    state: fetcher.state,
    formData: fetcher.formData,
    data: fetcher.data as AddToCartResult | undefined,
    submission: current && last.current.count > 0 ? last.current.count : null,
  });
}
