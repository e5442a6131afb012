/**
 * Only the shop's own pages may post to its actions (server.mjs, before Remix sees the request).
 *
 * Remix's own check (server-runtime `throwIfPotentialCSRFAttack`) only runs for single-fetch
 * and document actions, lets `Origin: null` through, compares hosts but not schemes or
 * same-site siblings, believes any `X-Forwarded-Host`, and answers a refusal with a 500 and a
 * stack trace. The legacy `?_data=` requests skip it altogether, so a form on any site could
 * sign a visitor in to the attacker's account (login CSRF). One check here covers every
 * method but GET and HEAD, every route and every spelling of the URL:
 *
 * - `Origin` present: it must be the shop's own origin, exactly (scheme, host and port):
 *   the configured public URL (PUBLIC_STOREFRONT_URL), or the origin the browser addressed
 *   (`Host`, with the scheme Express derives, which believes `X-Forwarded-Proto` only from
 *   proxies in TRUST_PROXY). `X-Forwarded-Host` is never believed: behind a proxy that
 *   rewrites `Host`, the configured public URL is the shop's origin. `null` never matches.
 * - no `Origin`, but `Sec-Fetch-Site`: it must be `same-origin` (not `same-site`).
 * - neither, but a `Referer`: its origin must be the shop's own (old browsers).
 * - none of the three: allowed. Every current browser sends `Origin` with a POST (Chromium,
 *   Firefox, Safari, also for a same-origin form without JavaScript), so such a request comes
 *   from a program (curl, a script), which holds no visitor's cookies to abuse.
 *
 * Refused: 403 with a Dutch page. The legacy `?_data=` parameter is refused on every method
 * (the shop uses single fetch, which never sends it).
 *
 * A request that passes reaches Remix without its `Origin` header: it was judged here, more
 * strictly, and Remix's own comparison would otherwise fail (500) behind a proxy that rewrites
 * `Host` while the browser's origin is the configured public one.
 */

export const FOREIGN_FORM_PAGE = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Formulier niet verwerkt – Buurtpreventie Shop</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #0f172a">
<main>
<h1>Dit formulier komt niet van deze winkel</h1>
<p>Wat je verstuurde kwam niet van een pagina van Buurtpreventie Shop. Om je te beschermen hebben we het niet verwerkt.</p>
<p>Wilde je zelf iets doen in de winkel? Ga naar de winkel en probeer het daar opnieuw.</p>
<p><a href="/" style="color: #1d4ed8">Naar de winkel</a></p>
</main>
</body>
</html>
`;

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** The origin of an absolute http(s) URL, or null for anything else (`null`, garbage, other schemes). */
export function originOf(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether the request's query names the legacy `_data` parameter, in any percent-spelling (as Remix reads it). */
export function hasLegacyDataParam(originalUrl) {
  try {
    return new URL(originalUrl, "http://storefront.invalid").searchParams.has("_data");
  } catch {
    return true; // Remix could not read this URL either
  }
}

/**
 * The shop's own origins for this request: the configured public one and the one the browser
 * addressed (`Host` as sent; `req.protocol` honours X-Forwarded-Proto only from trusted proxies).
 */
export function ownOrigins(req, siteOrigin) {
  const origins = new Set();
  if (siteOrigin) origins.add(siteOrigin);
  const addressed = originOf(`${req.protocol}://${req.headers.host ?? ""}`);
  if (addressed && req.headers.host) origins.add(addressed);
  return origins;
}

/** Whether a non-GET/HEAD request comes from the shop's own pages (see the header comment). */
export function isOwnPost(req, siteOrigin) {
  const own = ownOrigins(req, siteOrigin);
  const origin = req.headers.origin;
  if (origin !== undefined) return own.has(originOf(String(origin)) ?? "");
  const fetchSite = req.headers["sec-fetch-site"];
  if (fetchSite !== undefined) return fetchSite === "same-origin";
  const referer = req.headers.referer;
  if (referer !== undefined) return own.has(originOf(String(referer)) ?? "");
  return true;
}

/** Express middleware: refuses foreign posts and `?_data=` with 403, passes the rest on (without `Origin`). */
export function sameOriginPosts({ siteOrigin }) {
  const configured = originOf(siteOrigin);
  return function refuseForeignPosts(req, res, next) {
    if (hasLegacyDataParam(req.originalUrl)) return refuse(req, res);
    if (SAFE_METHODS.has(req.method)) return next();
    if (!isOwnPost(req, configured)) return refuse(req, res);
    delete req.headers.origin;
    next();
  };
}

function refuse(req, res) {
  res.statusCode = 403;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  // the body is never read: discard what arrives and hang up after the page
  res.setHeader("Connection", "close");
  req.on("error", () => {});
  req.resume();
  res.end(FOREIGN_FORM_PAGE);
}
