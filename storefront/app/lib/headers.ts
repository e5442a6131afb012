import type { HeadersFunction } from "@remix-run/node";

/** For pages about one visitor (cart, checkout, order): never stored by any cache. */
export const privatePageHeaders: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/**
 * Directory pages may be kept for a minute. The layout shows the visitor's cart count
 * (session cookie), hence `Vary: Cookie`; a response that sets a cookie (a one-time
 * notice after a form post) is never stored.
 */
export function directoryCacheHeaders(headers: Headers): Record<string, string> {
  if (headers.has("Set-Cookie")) return { "Cache-Control": "private, no-store" };
  return { "Cache-Control": "public, max-age=60", Vary: "Cookie" };
}
