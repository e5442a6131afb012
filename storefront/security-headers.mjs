/**
 * Security headers on every answer of the storefront's server (server.mjs).
 *
 * Defaults, filled in when the answer's head is written and only where the answer has not
 * set the header itself (a route may choose a stricter Referrer-Policy; documents carry the
 * full Content-Security-Policy with a per-request nonce, from app/entry.server.tsx). The
 * default policy allows nothing but inline styles: it guards what is not a Remix page (an SVG
 * opened directly, the 403/413 pages, data answers).
 *
 * Referrer-Policy is `strict-origin-when-cross-origin`, not `no-referrer`: with `no-referrer`
 * a form post without JavaScript carries `Origin: null`, which same-origin.mjs refuses.
 */
export const DEFAULT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Strict-Transport-Security over HTTPS: a year. Not on subdomains, which the shop does not own. */
export const HSTS = "max-age=31536000";

export function securityHeaders() {
  return function addSecurityHeaders(req, res, next) {
    const defaults = {
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": DEFAULT_CONTENT_SECURITY_POLICY,
      // req.secure believes X-Forwarded-Proto only from proxies in TRUST_PROXY
      ...(req.secure ? { "Strict-Transport-Security": HSTS } : {}),
    };
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithDefaults(...args) {
      for (const [name, value] of Object.entries(defaults)) if (!res.hasHeader(name)) res.setHeader(name, value);
      return writeHead.apply(this, args);
    };
    next();
  };
}
