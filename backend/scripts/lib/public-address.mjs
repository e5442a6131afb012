/**
 * Whether a shop runs on this machine only: its STOREFRONT_URL explicitly points at loopback
 * (`npm start`, the e2e stack, docker compose tried on localhost). Nobody else can reach such a
 * shop, so plain-http cookies and the default staff login are fine there; a shop with a public
 * address (or none given) gets neither. The same rule as isLocalOnly in
 * backend/src/config/env.ts, which the backend applies to its own settings at start.
 */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"])

/** @param {string | undefined} url */
export function isLoopbackUrl(url) {
  const value = url?.trim()
  return Boolean(value) && URL.canParse(value) && LOOPBACK_HOSTS.has(new URL(value).hostname)
}
