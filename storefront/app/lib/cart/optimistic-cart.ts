/**
 * Optimistic add to cart (issue #18, made durable in #27). The product page counts an add
 * at once (header count, inline notice) and sends it with a key; the server applies each
 * key once and answers; the browser keeps unanswered adds and sends them again on the next
 * page (lib/cart/pending-adds.ts). This module is the pure part, unit tested.
 */

import { MAX_LINE_QUANTITY, QUANTITY_PATTERN } from "../catalogue/stock";

/** Where every add goes, with or without JavaScript: the one cart route (/winkelmand/wijzigen), intent "add". */
export { CART_ACTION_URL as ADD_URL } from "./cart-intents";

export type AddedNotice = { kind: "added"; title: string; quantity: number };

/** What the add route answers a JavaScript post (`retry`: nothing was done, send again later). */
export type AddToCartResult = { ok: true; count: number; notice: AddedNotice } | { ok: false; message: string; retry?: boolean };

export type ShownNotice =
  | AddedNotice
  | { kind: "error"; message: string; focus?: boolean; line?: { id: string; typed?: string } }
  | { kind: "info"; message: string; focus?: boolean; line?: { id: string; typed?: string } };

/** An add the browser made and the server has not answered yet (kept in localStorage). */
export type PendingAdd = {
  key: string;
  variantId: string;
  /** As typed; the server judges it. */
  quantity: string;
  title: string;
  /** When it was made (ms): adds older than an hour are not sent again. */
  at: number;
};

/** The quantity the shopper asked for, or 0 when it is not plain digits from 1 to MAX_LINE_QUANTITY (the server says why). */
export function submittedQuantity(raw: unknown): number {
  if (typeof raw !== "string" || !QUANTITY_PATTERN.test(raw)) return 0;
  const quantity = Number(raw);
  return quantity >= 1 && quantity <= MAX_LINE_QUANTITY ? quantity : 0;
}

/**
 * What the page already knows is false: the stock it shows (null: not tracked) cannot cover
 * what is in the cart plus this add. The Dutch refusal to show at once, or null.
 */
export function stockShortage(stock: number | null | undefined, inCart: number, quantity: number): string | null {
  if (stock === null || stock === undefined || inCart + quantity <= stock) return null;
  if (stock <= 0) return "Dit product is uitverkocht.";
  return `Er zijn er nog maar ${stock} op voorraad.${inCart > 0 ? ` Je hebt er al ${inCart} in je winkelmand.` : ""}`;
}

/** A new add key: 128 random bits, URL-safe (works outside secure contexts too, unlike randomUUID). */
export function newAddKey(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Stored adds still worth sending: well-formed and younger than `maxAgeMs`. */
export function freshAdds(raw: unknown, now: number, maxAgeMs = 60 * 60 * 1000): PendingAdd[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (a): a is PendingAdd =>
      typeof a === "object" &&
      a !== null &&
      typeof a.key === "string" &&
      typeof a.variantId === "string" &&
      typeof a.quantity === "string" &&
      typeof a.at === "number" &&
      now - a.at < maxAgeMs,
  );
}
