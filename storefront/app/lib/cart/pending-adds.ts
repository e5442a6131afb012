/**
 * The browser's side of an add to cart that is never lost (issue #27).
 *
 * A click makes an add with its own key, stores it in localStorage, counts it at once and
 * sends it (`fetch` with `keepalive`, so a reload, a typed address or a closed tab does not
 * cancel it). Adds of one tab go one after another, so each answer's count is the cart as
 * it was after that add. An answered add is removed from storage; one without an answer
 * (the page was left, the network failed) is sent again on the next page the visitor opens,
 * in any tab: the server applies each key once, so sending again is safe. Stored adds older
 * than an hour are dropped (the server remembers keys for a day).
 *
 * localStorage rather than sessionStorage: a closed tab's sessionStorage is gone, and the
 * next visit (a new tab) must still be able to send what the closed one could not.
 */
import { useEffect, useSyncExternalStore } from "react";
import { ADD_URL, type AddToCartResult, freshAdds, newAddKey, type PendingAdd, type ShownNotice, submittedQuantity } from "./optimistic-cart";

const STORAGE = "bp:pending-adds";
const RETRIES = 4;

/** The add made last on a page, for that page's notice. */
export type LastAdd = { key: string; page: string; state: "pending" | "confirmed" | null; notice: ShownNotice };

type Sent = PendingAdd & { page: string; counted: number; replay: boolean; tries: number };

export type CartState = {
  /** Adds made in this tab and not answered yet; their `counted` units are in the header. */
  pending: Sent[];
  /** The cart's count from the latest answer, valid while the root loader's data is `countFor`. */
  count: number | null;
  countFor: unknown;
  last: LastAdd | null;
  /** Adds answered ok on each page (location key → variant → units), for the page's stock check. */
  added: Record<string, Record<string, number>>;
};

let state: CartState = { pending: [], count: null, countFor: undefined, last: null, added: {} };
const listeners = new Set<() => void>();
const update = (next: Partial<CartState>) => {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The root loader's data now: an answer's count stands until the loader is read again. */
let loaderData: unknown;
/** Called after an add made on another page (or an earlier visit) was answered: the page may show the cart. */
let onAnswered: (sentFrom: string) => void = () => {};

function stored(): PendingAdd[] {
  try {
    return freshAdds(JSON.parse(localStorage.getItem(STORAGE) ?? "[]"), Date.now());
  } catch {
    return [];
  }
}
function store(adds: PendingAdd[]) {
  try {
    if (adds.length) localStorage.setItem(STORAGE, JSON.stringify(adds));
    else localStorage.removeItem(STORAGE);
  } catch {
    // private mode or full: the keepalive request alone has to do
  }
}

const queue: Sent[] = [];
let sending = false;

function send(add: Sent): Promise<AddToCartResult | null> {
  const body = new URLSearchParams({ intent: "add", variantId: add.variantId, quantity: add.quantity, addKey: add.key });
  return fetch(ADD_URL, { method: "POST", body, headers: { Accept: "application/json" }, keepalive: true, credentials: "same-origin" })
    .then((response) => response.json() as Promise<AddToCartResult>)
    .catch(() => null);
}

async function pump() {
  if (sending) return;
  const add = queue.shift();
  if (!add) return;
  sending = true;
  const result = await send(add);
  sending = false;
  answered(add, result);
  void pump();
}

function answered(add: Sent, result: AddToCartResult | null) {
  if (!result || (!result.ok && result.retry)) {
    // No answer, or the server could not do it now: keep it (stored) and try again in a while.
    if (++add.tries < RETRIES) {
      setTimeout(() => {
        queue.push(add);
        void pump();
      }, 1500 * add.tries);
      return;
    }
    const message = result?.message ?? "Je toevoeging is nog niet bevestigd. We sturen hem opnieuw zodra je een pagina opent.";
    finish(add, { kind: "error", message }, null);
    return;
  }
  store(stored().filter((a) => a.key !== add.key));
  if (result.ok) {
    const onPage = { ...state.added[add.page] };
    onPage[add.variantId] = (onPage[add.variantId] ?? 0) + submittedQuantity(add.quantity);
    update({ count: result.count, countFor: loaderData, added: { ...state.added, [add.page]: onPage } });
  }
  finish(add, result.ok ? result.notice : { kind: "error", message: result.message }, result.ok ? "confirmed" : null);
  if (add.replay || add.page !== currentPage) onAnswered(add.page);
}

function finish(add: Sent, notice: ShownNotice, confirmed: "confirmed" | null) {
  // An add that was not counted (a quantity the shop does not take) shows the server's refusal too.
  const mine = state.last?.key === add.key || (!add.counted && !add.replay && notice.kind === "error");
  const last: LastAdd | null = mine ? { key: add.key, page: add.page, notice, state: confirmed } : state.last;
  update({ pending: state.pending.filter((p) => p.key !== add.key), last });
}

let currentPage = "";

/** Makes an add on page `page` (a location key), counts it and sends it. */
export function addToCart(page: string, add: { variantId: string; quantity: string; title: string }) {
  const made: Sent = { ...add, key: newAddKey(), at: Date.now(), page, counted: submittedQuantity(add.quantity), replay: false, tries: 0 };
  store([...stored(), { key: made.key, variantId: made.variantId, quantity: made.quantity, title: made.title, at: made.at }]);
  update({
    pending: [...state.pending, made],
    // An impossible quantity is not counted, nor announced as added: the server says what is wrong.
    last: made.counted ? { key: made.key, page, state: "pending", notice: { kind: "added", title: add.title, quantity: made.counted } } : state.last,
  });
  queue.push(made);
  void pump();
}

/** Shows a refusal at once, without sending anything (the page knows it cannot be done). */
export function refuseAdd(page: string, message: string) {
  update({ last: { key: newAddKey(), page, state: null, notice: { kind: "error", message } } });
}

/** Resolves once this tab has no unanswered adds (or after `maxMs`). */
export function whenAnswered(maxMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    if (!state.pending.length) return resolve();
    const stop = subscribe(() => {
      if (state.pending.length) return;
      stop();
      resolve();
    });
    setTimeout(() => {
      stop();
      resolve();
    }, maxMs);
  });
}

let started = false;

/**
 * Once per page load: sends the adds an earlier page (or another tab) left unanswered, and
 * on leaving the page sends at once what is still queued (keepalive), not after the one under way.
 */
function start() {
  if (started) return;
  started = true;
  for (const add of stored()) queue.push({ ...add, page: "", counted: 0, replay: true, tries: 0 });
  void pump();
  addEventListener("pagehide", () => {
    for (const add of queue.splice(0)) void send(add);
  });
}

/**
 * The header count and the add notice: the root loader's count (the session's), replaced by
 * the latest answer's until the loader is read again, plus the units of unanswered adds.
 * `revalidate` reloads the page's data after an add made elsewhere was answered (the cart
 * page then shows it).
 */
export function useCart(loader: { data: unknown; count: number }, page: string, revalidate: () => void) {
  const current = useSyncExternalStore(subscribe, () => state, () => state);
  loaderData = loader.data;
  currentPage = page;
  onAnswered = revalidate;
  useEffect(start, []);
  const base = current.count !== null && current.countFor === loader.data ? current.count : loader.count;
  return { count: base + current.pending.reduce((sum, add) => sum + add.counted, 0), state: current };
}

export function useCartState(): CartState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}
