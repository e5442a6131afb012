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

/**
 * A form page the backend rate-limits: its own headers, plus the Retry-After its action (or
 * loader) answered a 429 with (refusalInit). Remix builds both the document's and the single
 * fetch `.data` answer's headers from the route's `headers` export alone, so a fixed object
 * there would drop the rate limit's Retry-After.
 */
export function withRetryAfter(own: HeadersFunction): HeadersFunction {
  return (args) => {
    const headers = new Headers(typeof own === "function" ? own(args) : own);
    const retryAfter = args.actionHeaders.get("Retry-After") ?? args.loaderHeaders.get("Retry-After");
    if (retryAfter) headers.set("Retry-After", retryAfter);
    return headers;
  };
}
