/**
 * The Content-Security-Policy of the shop's pages (set per document in entry.server.tsx).
 * Hosts come from the configuration, never from a list here: Stripe.js (STRIPE_JS_URL, a
 * loopback stand-in in tests), the map's tile server (MAP_TILE_URL), the backend (uploaded
 * product images) and the public site URL (seeded product images).
 */
import { randomBytes } from "node:crypto";
import { DEFAULT_STRIPE_JS_URL, type StorefrontConfig } from "../config.server";

/** A fresh nonce for one document: 128 random bits. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** Stripe's own hosts, as Stripe documents them for a CSP (https://docs.stripe.com/security/guide#content-security-policy). */
const STRIPE_HOSTED = {
  script: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frame: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
  img: ["https://*.stripe.com"],
};

function stripeSources(config: StorefrontConfig): typeof STRIPE_HOSTED | null {
  if (!config.stripePublishableKey) return null;
  const origin = new URL(config.stripeJsUrl).origin;
  if (origin === new URL(DEFAULT_STRIPE_JS_URL).origin) return STRIPE_HOSTED;
  // a stand-in (tests): it serves its script, frames and API from its own origin
  return { script: [origin], frame: [origin], connect: [origin], img: [origin] };
}

/**
 * The source of a tile template: `https://{s}.tile.example.org/{z}/{x}/{y}.png` becomes
 * `https://*.tile.example.org`; a placeholder anywhere else in the host allows the scheme only.
 */
export function tileSource(template: string): string {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!match) return "'self'";
  const scheme = match[1]!.toLowerCase();
  const host = match[2]!.replace(/^[^.]*\{[^}]*\}[^.]*\./, "*.");
  return host.includes("{") ? `${scheme}:` : `${scheme}://${host.toLowerCase()}`;
}

/** The policy for one document; `secure`: served over HTTPS (then every http: reference is upgraded). */
export function contentSecurityPolicy(config: StorefrontConfig, nonce: string, { secure }: { secure: boolean }): string {
  const stripe = stripeSources(config);
  const unique = (...sources: string[]) => [...new Set(sources)].join(" ");
  const directives = [
    "default-src 'self'",
    `script-src ${unique("'self'", `'nonce-${nonce}'`, ...(stripe?.script ?? []))}`,
    // React renders style attributes; Leaflet and Stripe set styles from script
    "style-src 'self' 'unsafe-inline'",
    `img-src ${unique(
      "'self'",
      "data:",
      new URL(config.siteUrl).origin,
      new URL(config.backendUrl).origin,
      tileSource(config.map.tileUrl),
      ...(stripe?.img ?? []),
    )}`,
    `connect-src ${unique("'self'", ...(stripe?.connect ?? []))}`,
    `frame-src ${stripe ? unique(...stripe.frame) : "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
