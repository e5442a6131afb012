/**
 * An add to cart that is never lost and never counted twice (issue #27).
 *
 * - Every add carries a key (made in the browser per click; a hidden field the server
 *   makes for the form without JavaScript): 32 lower-case hex characters, as both make it.
 *   An add without one, or with a key of any other form, is refused (400, nothing added):
 *   before, such a key was ignored and the add applied every time it arrived (`addKey=same1`
 *   twice added twice). The first request with a key claims it in the
 *   session store (Redis or files, shared by every storefront process) and applies the
 *   add; the outcome is kept for a day under that key. The same key again (a re-sent add
 *   after a reload, a form sent twice) gets that outcome and changes nothing; while the
 *   first is still at work, it waits for it.
 * - A session's first cart is created once, also when two adds arrive at the same time
 *   (otherwise each would make a cart and one add would be lost with it).
 * - Nothing here listens to the request's abort signal: an add the server received is
 *   finished when the browser has gone (full navigation, closed tab).
 */
import { z } from "../zod";
import { loadFromBackend } from "../backend/backend.server";
import { addToCart, CartError, ensureCartId } from "./cart.server";
import { getConfig } from "../config.server";
import { BACKEND_UNAVAILABLE_MESSAGE } from "../error-messages";
import type { AddToCartResult } from "./optimistic-cart";
import { claims, type RequestSession, type ShopSession, sessionIdOf } from "../session/session.server";
import { quantitySchema } from "../validation";

/** A key as the shop makes it: 128 random bits in hex (newAddKey in the browser, the product page's loader). */
export const ADD_KEY_PATTERN = /^[0-9a-f]{32}$/;

/** Every page of the shop sends a key with an add: one without, or of another form, did not come from it intact. */
export const ADD_KEY_MESSAGE = "Deze toevoeging kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.";

export const addSchema = z.object({
  variantId: z.string().min(1, "Kies een uitvoering."),
  quantity: quantitySchema,
  addKey: z.string({ error: ADD_KEY_MESSAGE }).regex(ADD_KEY_PATTERN, ADD_KEY_MESSAGE),
});

/** How long an applied key answers re-sends (the browser gives up re-sending after an hour). */
const KEEP_APPLIED_MS = 24 * 60 * 60 * 1000;
/** A claim whose process died is given up after this long (an add takes well under it). */
const PENDING_MS = 60_000;
/** How long a re-send waits for the first request with its key before saying "still busy". */
const WAIT_FOR_FIRST_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The add's answer, plus whether it was applied by this request (false: an earlier one with the same key did). */
export type AddOutcome = AddToCartResult & { replayed?: boolean };

/** "Still at work" (the browser keeps the add and asks again later); never stored under a key. */
const STILL_BUSY: AddOutcome = { ok: false, message: "Je vorige toevoeging wordt nog verwerkt. Een ogenblik…", retry: true };

/**
 * Tests only (E2E_ALLOW_ADD_DELAY, loopback): the request's cookie `bp_test_add_delay` holds
 * the add this many ms, so an e2e test can leave the page while the server works.
 */
async function testDelay(request: Request): Promise<void> {
  if (!getConfig().allowAddDelay) return;
  const ms = Number(/(?:^|;\s*)bp_test_add_delay=(\d+)/.exec(request.headers.get("Cookie") ?? "")?.[1] ?? 0);
  if (ms > 0) await sleep(Math.min(ms, 10_000));
}

/**
 * Waits for a claim someone else holds to be settled: its outcome, or undefined when it was
 * given back (the caller may claim it itself) or is still pending after WAIT_FOR_FIRST_MS.
 */
async function claimOrWait(key: string): Promise<{ claimed: true } | { claimed: false; outcome: unknown }> {
  const until = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const claim = await claims.claim(key, PENDING_MS);
    if (claim.state === "claimed") return { claimed: true };
    if (claim.state === "done") return { claimed: false, outcome: claim.outcome };
    if (Date.now() > until) return { claimed: false, outcome: undefined };
    await sleep(100);
  }
}

/**
 * The session's cart id, created once for the session even when its requests arrive together:
 * adds, and the group chosen on a group's order page (`/groepen/:slug/meedoen`, `…/bestellen`),
 * which before made a cart of its own while an add was under way, and the last write won.
 */
export async function ensureSharedCart(session: ShopSession): Promise<void> {
  const id = sessionIdOf(session);
  if (session.get("cartId") || !id) return; // a visitor without a session yet cannot be raced by itself
  const key = `cart:${id}`;
  const first = await claimOrWait(key);
  if (!first.claimed) {
    const cartId = (first.outcome as { cartId?: unknown } | undefined)?.cartId;
    if (typeof cartId === "string") session.set("cartId", cartId);
    return; // else: make one ourselves (the first gave up)
  }
  try {
    const cartId = await loadFromBackend(() => ensureCartId(session));
    // Long enough for the adds that arrived with this one; a later add finds it in its session.
    await claims.settle(key, { cartId }, 60_000);
  } catch (error) {
    await claims.release(key);
    throw error;
  }
}

async function applyAdd(request: Request, session: ShopSession, variantId: string, quantity: number): Promise<AddOutcome> {
  try {
    await testDelay(request);
    await ensureSharedCart(session);
    const added = await loadFromBackend(() => addToCart(session, variantId, quantity));
    return { ok: true, count: added.count, notice: { kind: "added", title: added.title, quantity } };
  } catch (error) {
    if (error instanceof CartError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * Applies an add once per key and session. Answers the outcome; `replayed` when an earlier
 * request with the same key applied it (the count is then the session's current one).
 * A backend failure gives the key back (nothing was added), so the browser may send it again.
 */
export async function addOnce(
  request: Request,
  session: RequestSession,
  add: { variantId: string; quantity: number; addKey: string },
): Promise<AddOutcome> {
  const sessionId = sessionIdOf(session);
  const currentCount = async () => (await session.latest()).get("cartCount") ?? 0;
  // A visitor without a session: the request context commits it (a new session, with the cart) with the answer.
  if (!sessionId) return applyAdd(request, session, add.variantId, add.quantity);
  const key = `add:${sessionId}:${add.addKey}`;
  const first = await claimOrWait(key);
  if (!first.claimed) {
    const outcome = first.outcome as AddOutcome | undefined;
    if (!outcome) return STILL_BUSY;
    return outcome.ok ? { ...outcome, count: await currentCount(), replayed: true } : { ...outcome, replayed: true };
  }
  let outcome: AddOutcome;
  try {
    outcome = await applyAdd(request, session, add.variantId, add.quantity);
  } catch (error) {
    await claims.release(key);
    if (error instanceof Response && error.status === 503) return { ok: false, message: BACKEND_UNAVAILABLE_MESSAGE, retry: true };
    throw error;
  }
  // The cart (id, count) is in the stored session before the key reads as done: a re-send
  // waiting for this add answers from the session, and must see the add in it.
  await session.save();
  await claims.settle(key, outcome, KEEP_APPLIED_MS);
  return outcome;
}
