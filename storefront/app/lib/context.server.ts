/**
 * The one request context (Remix's `context` in every loader and action), built per request
 * by server.mjs through the server build's `createRequestContext` (entry.server.tsx), as
 * Hydrogen's server.ts builds its context:
 *
 * - `session`: the visitor's session, read once; server.mjs commits it once after the route
 *   has answered (`commitRequestContext`), only when something changed and only the keys that
 *   changed. No route commits a session by hand.
 * - `backend`: the backend client bound to this visitor (publishable key, signed client address).
 * - `cart`: the visitor's cart as the session knows it, and its loader.
 */
import { type BackendClient, backendClientFor } from "./backend.server";
import { type CartView, getCart } from "./cart.server";
import { countryOf, RequestSession } from "./session.server";

export type CartAccessor = {
  /** The cart's id, when the visitor has one. */
  readonly id: string | undefined;
  /** Items in the cart as the session knows them (the header's count: no backend call). */
  readonly count: number;
  /** Units per variant in the cart. */
  readonly lines: Record<string, number>;
  /** The cart from the backend (null: none or gone; the session then forgets it). */
  load(): Promise<CartView | null>;
};

export type ShopContext = {
  session: RequestSession;
  backend: BackendClient;
  cart: CartAccessor;
  /** Delivery country of the visitor ("nl" unless chosen otherwise). */
  readonly country: "nl" | "be";
  /** The visitor's address (Express's req.ip, TRUST_PROXY applies). */
  clientIp: string | undefined;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends ShopContext {}
}

function cartOf(session: RequestSession): CartAccessor {
  return {
    get id() {
      return session.get("cartId");
    },
    get count() {
      return session.get("cartCount") ?? 0;
    },
    get lines() {
      return session.get("cartLines") ?? {};
    },
    load: () => getCart(session),
  };
}

export async function createRequestContext(request: Request, clientIp?: string): Promise<ShopContext> {
  const session = await RequestSession.of(request);
  return {
    session,
    backend: backendClientFor(clientIp),
    cart: cartOf(session),
    get country() {
      return countryOf(session);
    },
    clientIp,
  };
}

/**
 * After the route has answered: the session's one commit, as a Set-Cookie on the answer
 * (documents, `.data` answers and redirects alike).
 */
export async function commitRequestContext(context: ShopContext, response: Response): Promise<Response> {
  const cookie = await context.session.commit();
  if (!cookie) return response;
  try {
    response.headers.append("Set-Cookie", cookie);
    return response;
  } catch {
    // a Response with immutable headers (one passed on from fetch)
    const headers = new Headers(response.headers);
    headers.append("Set-Cookie", cookie);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
