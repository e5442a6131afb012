import { createCookieSessionStorage, redirect, type Session } from "@remix-run/node";
import { getConfig } from "./config.server";

/** What the visitor's session cookie holds: no personal data, only ids and counts. */
export type SessionData = {
  cartId: string;
  /** Number of items in the cart, so the header needs no backend call. */
  cartCount: number;
  /** Delivery country: decides region, shipping options and prices. */
  country: "nl" | "be";
  /** The order just placed: only this visitor may see its confirmation page. */
  lastOrderId: string;
  /**
   * A signed-in group admin's Medusa JWT (customer, emailpass), sent as a bearer token
   * by lib/account.server.ts. It holds ids, no personal data; the cookie is httpOnly.
   */
  customerToken: string;
  /** A signed-in wijkagent/municipality account's Medusa JWT (actor type notice_author), kept apart from customerToken. */
  noticeAuthorToken: string;
};

/** One-time notices shown after a redirect (post/redirect/get, also without JavaScript). */
export type Notice =
  | { kind: "added"; title: string; quantity: number }
  | { kind: "error"; message: string }
  | { kind: "info"; message: string };

type FlashData = { notice: Notice };

const config = getConfig();

const storage = createCookieSessionStorage<SessionData, FlashData>({
  cookie: {
    name: "__bp",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.secureCookies,
    secrets: [config.sessionSecret],
    // The cart survives browser and storefront restarts for a month.
    maxAge: 60 * 60 * 24 * 30,
  },
});

export type ShopSession = Session<SessionData, FlashData>;

export function getSession(request: Request): Promise<ShopSession> {
  return storage.getSession(request.headers.get("Cookie"));
}

export function commitSession(session: ShopSession): Promise<string> {
  return storage.commitSession(session);
}

export function countryOf(session: ShopSession): "nl" | "be" {
  return session.get("country") === "be" ? "be" : "nl";
}

/**
 * Signs one account out: forgets its token only (Medusa's JWTs are stateless; the cookie
 * holds the only copy), so a group admin and a notice account on the same browser are
 * signed out separately. Answers the redirect with the notice "Je bent uitgelogd.".
 */
export async function signOut(request: Request, token: "customerToken" | "noticeAuthorToken", to: string): Promise<Response> {
  const session = await getSession(request);
  session.unset(token);
  session.flash("notice", { kind: "info", message: "Je bent uitgelogd." });
  return redirect(to, { status: 303, headers: { "Set-Cookie": await commitSession(session) } });
}
