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
import { type BackendClient, backendClientFor } from "../backend/backend.server";
import { type CartView, getCart } from "../cart/cart.server";
import { countryOf, RequestSession, sessionIdOf } from "../session/session.server";

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
  const cacheControl = response.headers.get("Cache-Control");
  // A visitor with a session sees their own header (cart count, "Mijn groep", notices): such an
  // answer is never for a shared cache, whatever the route allowed for anonymous visitors
  // (Vary: Cookie alone is ignored or stripped by many CDNs).
  const personal = Boolean(cookie || sessionIdOf(context.session)) && cacheControl !== null && /\bpublic\b/i.test(cacheControl);
  if (!cookie && !personal) return response;
  const change = (headers: Headers) => {
    if (cookie) headers.append("Set-Cookie", cookie);
    if (personal) headers.set("Cache-Control", privateCacheControl(cacheControl!));
  };
  try {
    change(response.headers);
    return response;
  } catch {
    // a Response with immutable headers (one passed on from fetch)
    const headers = new Headers(response.headers);
    change(headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** `public, max-age=60, s-maxage=300, stale-while-revalidate=600` → `private, max-age=60`. */
export function privateCacheControl(value: string): string {
  const kept = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part && !/^(public|private|s-maxage=.*|stale-while-revalidate=.*|stale-if-error=.*)$/i.test(part));
  return ["private", ...kept].join(", ");
}
