import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isIP } from "node:net";

export { STOREFRONT_NAME } from "./site";

export const DEFAULT_BACKEND_URL = "http://localhost:9000";

const HOW_TO_FIX =
  "start everything with `npm start` at the repository root, or set MEDUSA_PUBLISHABLE_KEY (or MEDUSA_PUBLISHABLE_KEY_FILE) to the backend's publishable API key";

export const MISSING_KEY_MESSAGE = `Storefront: MEDUSA_PUBLISHABLE_KEY is not set: ${HOW_TO_FIX}`;

export type StorefrontConfig = {
  /** Medusa backend base URL, without a trailing slash. */
  backendUrl: string;
  /** Publishable API key (pk_…) sent with every store API request. */
  publishableKey: string;
  /** Signs the session cookie (cart id, notices). */
  sessionSecret: string;
  /** Mark cookies Secure (production behind HTTPS; `npm start` serves plain http and sets COOKIE_SECURE=false). */
  secureCookies: boolean;
  /** Stripe publishable key (pk_test_…/pk_live_…) for the Payment Element; unset: "Betalen op rekening" only. */
  stripePublishableKey?: string;
  /** Where the browser loads Stripe.js from: Stripe's own URL, or a stand-in on loopback in tests (STRIPE_JS_URL). */
  stripeJsUrl: string;
  /** The site's public base URL without a trailing slash (PUBLIC_STOREFRONT_URL): canonical links, sitemap, robots.txt. */
  siteUrl: string;
  /** The directory map's tile server and credit line (MAP_TILE_URL, MAP_TILE_ATTRIBUTION). */
  map: MapSettings;
  /** CLIENT_IP_SECRET, shared with the backend: signs each visitor's address for its rate limits; unset: not passed on. */
  clientIpSecret?: string;
  /** BACKEND_TIMEOUT_MS: how long one backend call may take before the visitor gets "tijdelijk niet bereikbaar". */
  backendTimeoutMs: number;
  /** REDIS_URL: sessions live in Redis, shared by every storefront process and machine; unset: files in sessionDir. */
  redisUrl?: string;
  /** SESSION_DIR: where sessions live without Redis (one machine); default `<tmp>/buurtpreventie-sessions`. */
  sessionDir: string;
  /**
   * E2E_ALLOW_ADD_DELAY=true, tests only: an add to cart waits as long as the request's cookie
   * `bp_test_add_delay` says (at most 10 s) before the backend call, so e2e tests can leave the
   * page while the server works. Refused unless PUBLIC_STOREFRONT_URL is on loopback.
   */
  allowAddDelay: boolean;
  /**
   * CART_CHANGE_LIMIT_PER_ADDRESS: posts to the one cart route (adds, changes, group choices) per
   * client address per minute (120); the e2e and bench stacks lift it (all their browsers are on loopback).
   */
  cartChangeLimitPerAddress: number;
};

export type MapSettings = { tileUrl: string; attribution: string };

export const DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers';

/**
 * The map's tile server (an http(s) template with {z}, {x} and {y}) and its credit line
 * (HTML; default OpenStreetMap's). A bad value falls back to OpenStreetMap with a warning:
 * the map is an enhancement, never a reason to fail.
 */
export function parseMapSettings(env: StorefrontEnv): MapSettings {
  const raw = env.MAP_TILE_URL?.trim();
  let tileUrl = DEFAULT_TILE_URL;
  if (raw) {
    if (/^https?:\/\/[^\s"'<>]+$/i.test(raw) && ["{z}", "{x}", "{y}"].every((part) => raw.includes(part))) tileUrl = raw;
    else console.warn(`Storefront: MAP_TILE_URL is not an http(s) tile template with {z}, {x} and {y} ("${raw}"): using OpenStreetMap`);
  }
  const attribution = env.MAP_TILE_ATTRIBUTION?.trim() || OSM_ATTRIBUTION;
  return { tileUrl, attribution };
}

/** Used when PUBLIC_STOREFRONT_URL is not set. */
export const DEFAULT_SITE_URL = "http://localhost:3000";

/**
 * Normalises a site base URL: http(s) only, no query or hash, no trailing slash.
 * Throws on anything that is not an absolute http(s) URL.
 */
export function normalizeSiteUrl(raw: string): string {
  const url = new URL(raw.trim());
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`not an http(s) URL: ${raw}`);
  }
  url.search = "";
  url.hash = "";
  return url.toString().replace(/\/+$/, "");
}

/** The public base URL (default http://localhost:3000), normalised without a trailing slash. */
export function parseSiteUrl(env: StorefrontEnv): string {
  const raw = env.PUBLIC_STOREFRONT_URL?.trim() || DEFAULT_SITE_URL;
  try {
    return normalizeSiteUrl(raw);
  } catch {
    throw new ConfigError(`Storefront: PUBLIC_STOREFRONT_URL is not an http(s) URL ("${raw}"): use e.g. https://www.example.nl`);
  }
}

/** Stripe requires Stripe.js to be loaded from its own server. */
export const DEFAULT_STRIPE_JS_URL = "https://js.stripe.com/v3";

function parseStripeJsUrl(raw: string | undefined): string {
  const value = nonEmpty(raw);
  if (!value) return DEFAULT_STRIPE_JS_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`Storefront: STRIPE_JS_URL is not a valid URL ("${value}"): leave it unset for ${DEFAULT_STRIPE_JS_URL}`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))) {
    throw new ConfigError(`Storefront: STRIPE_JS_URL must be https://, or http:// on loopback for tests ("${value}")`);
  }
  return value;
}

export const DEFAULT_BACKEND_TIMEOUT_MS = 10_000;
/** Below this a busy backend's ordinary answers (a cart add ~0.2–0.4 s idle, seconds under load) would fail. */
export const MIN_BACKEND_TIMEOUT_MS = 1_000;
/** Above this a visitor would wait minutes for the "tijdelijk niet bereikbaar" page, holding a server slot. */
export const MAX_BACKEND_TIMEOUT_MS = 120_000;

/**
 * BACKEND_TIMEOUT_MS: whole milliseconds between MIN_ and MAX_BACKEND_TIMEOUT_MS (default 10000).
 * Anything else stops the server: a typo ("10s", "10000ms") must not silently become the default.
 */
export function parseBackendTimeoutMs(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return DEFAULT_BACKEND_TIMEOUT_MS;
  const ms = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(ms) || ms < MIN_BACKEND_TIMEOUT_MS || ms > MAX_BACKEND_TIMEOUT_MS) {
    throw new ConfigError(
      `Storefront: BACKEND_TIMEOUT_MS must be a whole number of milliseconds from ${MIN_BACKEND_TIMEOUT_MS} to ${MAX_BACKEND_TIMEOUT_MS} ("${value}"): leave it unset for ${DEFAULT_BACKEND_TIMEOUT_MS}`,
    );
  }
  return ms;
}

/** Only for local development; production must set SESSION_SECRET. */
export const DEV_SESSION_SECRET = "dev-only-session-secret";

export type StorefrontEnv = Record<string, string | undefined>;

/** A configuration problem with a one-line, human-readable message. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseBackendUrl(raw: string | undefined): string {
  const value = nonEmpty(raw) ?? DEFAULT_BACKEND_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `Storefront: MEDUSA_BACKEND_URL is not a valid URL ("${value}"): use e.g. ${DEFAULT_BACKEND_URL}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(
      `Storefront: MEDUSA_BACKEND_URL must start with http:// or https:// ("${value}")`,
    );
  }
  return value.replace(/\/+$/, "");
}

function readKeyFile(path: string, readFile: (path: string) => string): string {
  let contents: string;
  try {
    contents = readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "read error";
    throw new ConfigError(
      `Storefront: cannot read MEDUSA_PUBLISHABLE_KEY_FILE "${path}" (${code}): ${HOW_TO_FIX}`,
    );
  }
  const key = contents.trim();
  if (!key) {
    throw new ConfigError(
      `Storefront: MEDUSA_PUBLISHABLE_KEY_FILE "${path}" is empty: ${HOW_TO_FIX}`,
    );
  }
  return key;
}

/**
 * Pure: turns an environment object into the storefront's settings, or throws a
 * ConfigError whose message is fit to print as-is. MEDUSA_PUBLISHABLE_KEY wins over
 * MEDUSA_PUBLISHABLE_KEY_FILE (the docker-compose variant: a file holding the key).
 */
export function parseStorefrontConfig(
  env: StorefrontEnv,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
): StorefrontConfig {
  const backendUrl = parseBackendUrl(env.MEDUSA_BACKEND_URL);

  const publishableKey = readPublishableKey(env, readFile);

  const production = env.NODE_ENV === "production";
  const sessionSecret = nonEmpty(env.SESSION_SECRET);
  if (!sessionSecret && production) {
    throw new ConfigError(
      "Storefront: SESSION_SECRET is not set: set it to a long random value (e.g. `openssl rand -hex 32`); `npm start` does this for you",
    );
  }

  parseTrustProxy(env.TRUST_PROXY);
  if (production) refuseUnsafeProductionSettings(env);
  const allowAddDelay = env.E2E_ALLOW_ADD_DELAY?.trim() === "true";
  if (allowAddDelay && !isLocalOnly(env)) {
    throw new ConfigError("Storefront: E2E_ALLOW_ADD_DELAY is for tests on loopback only: unset it (PUBLIC_STOREFRONT_URL is not on loopback)");
  }

  const stripePublishableKey = nonEmpty(env.STRIPE_PUBLISHABLE_KEY);
  return {
    backendUrl,
    publishableKey,
    sessionSecret: sessionSecret ?? DEV_SESSION_SECRET,
    secureCookies: production && env.COOKIE_SECURE !== "false",
    ...(stripePublishableKey ? { stripePublishableKey } : {}),
    stripeJsUrl: parseStripeJsUrl(env.STRIPE_JS_URL),
    siteUrl: parseSiteUrl(env),
    map: parseMapSettings(env),
    ...(nonEmpty(env.CLIENT_IP_SECRET) ? { clientIpSecret: nonEmpty(env.CLIENT_IP_SECRET) } : {}),
    backendTimeoutMs: parseBackendTimeoutMs(env.BACKEND_TIMEOUT_MS),
    ...(nonEmpty(env.REDIS_URL) ? { redisUrl: nonEmpty(env.REDIS_URL) } : {}),
    sessionDir: nonEmpty(env.SESSION_DIR) ?? path.join(tmpdir(), "buurtpreventie-sessions"),
    allowAddDelay,
    cartChangeLimitPerAddress: positiveInteger("CART_CHANGE_LIMIT_PER_ADDRESS", env.CART_CHANGE_LIMIT_PER_ADDRESS, 120),
  };
}

/** A whole number of at least 1, or `fallback` when unset. */
function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) throw new ConfigError(`Storefront: ${name} must be a whole number of at least 1 ("${value}"); unset: ${fallback}`);
  return Number(value);
}

/**
 * TRUST_PROXY as Express's `trust proxy` reads it (server.mjs): a number of proxy hops, or
 * comma-separated addresses, CIDR blocks and Express's names (loopback, linklocal,
 * uniquelocal). Anything else would stop the server on its first request, so say so now.
 */
function parseTrustProxy(raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined || /^(true|false)$/i.test(value) || /^\d+$/.test(value)) return value;
  const names = new Set(["loopback", "linklocal", "uniquelocal"]);
  const valid = value.split(",").every((item) => {
    const entry = item.trim();
    if (names.has(entry)) return true;
    const [address = "", prefix, extra] = entry.split("/");
    const version = isIP(address);
    return version !== 0 && extra === undefined && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)));
  });
  if (!valid) {
    throw new ConfigError(
      `Storefront: TRUST_PROXY "${value}" is not a number of proxy hops (1), nor addresses or CIDR blocks of proxies (10.0.0.2, 172.16.0.0/12), nor loopback`,
    );
  }
  return value;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** PUBLIC_STOREFRONT_URL explicitly on loopback: a shop nobody else can reach (npm start, e2e, compose on localhost). */
function isLocalOnly(env: StorefrontEnv): boolean {
  const raw = nonEmpty(env.PUBLIC_STOREFRONT_URL);
  return raw !== undefined && URL.canParse(raw) && LOOPBACK_HOSTS.has(new URL(raw).hostname);
}

/**
 * NODE_ENV=production on a public address (the backend's rule for STOREFRONT_URL, same
 * exemption): the settings only the operator can know must be given, not defaulted.
 * - PUBLIC_STOREFRONT_URL: canonical links and the sitemap would point at localhost;
 * - COOKIE_SECURE=false: the session cookie would travel over plain http;
 * - TRUST_PROXY unset: behind a load balancer every visitor would have its address and share
 *   one rate-limit budget; `false` says "no proxy" explicitly (unset means the same, but on a
 *   public address the operator must have thought about it). TRUST_PROXY=true believes
 *   any X-Forwarded-For a visitor writes, so anyone could choose their address.
 */
function refuseUnsafeProductionSettings(env: StorefrontEnv): void {
  if (isLocalOnly(env)) return;
  const problems: string[] = [];
  if (!nonEmpty(env.PUBLIC_STOREFRONT_URL)) {
    problems.push("PUBLIC_STOREFRONT_URL is not set: set it to the shop's public address (e.g. https://www.example.nl)");
  }
  if (env.COOKIE_SECURE?.trim() === "false") {
    problems.push("COOKIE_SECURE=false sends the session cookie over plain http: serve the shop over HTTPS and unset it");
  }
  const trustProxy = nonEmpty(env.TRUST_PROXY);
  if (trustProxy === undefined) {
    problems.push(
      "TRUST_PROXY is not set: behind a reverse proxy or load balancer set the number of hops (TRUST_PROXY=1) or its addresses; TRUST_PROXY=false when visitors connect directly",
    );
  } else if (/^true$/i.test(trustProxy)) {
    problems.push("TRUST_PROXY=true trusts every client's X-Forwarded-For: set the number of proxy hops (e.g. 1) or the proxies' addresses");
  }
  if (!nonEmpty(env.CLIENT_IP_SECRET)) {
    problems.push("CLIENT_IP_SECRET is not set: give the storefront the backend's value, so each visitor keeps its own rate-limit budget");
  }
  if (problems.length) throw new ConfigError(`Storefront: refusing to start in production: ${problems.join("; ")}`);
}

function readPublishableKey(env: StorefrontEnv, readFile: (path: string) => string): string {
  const directKey = nonEmpty(env.MEDUSA_PUBLISHABLE_KEY);
  if (directKey) return directKey;

  const keyFile = nonEmpty(env.MEDUSA_PUBLISHABLE_KEY_FILE);
  if (keyFile) return readKeyFile(keyFile, readFile);

  throw new ConfigError(MISSING_KEY_MESSAGE);
}

let cached: StorefrontConfig | undefined;

/** Test hook: read the environment again on the next getConfig(). */
export function rereadConfig(): void {
  cached = undefined;
}

/**
 * The server's configuration, read from process.env once. On a configuration
 * problem this prints one line to stderr and exits with status 1 (no stack trace).
 * Called at module level by backend.server.ts, so a production server stops at startup.
 */
export function getConfig(): StorefrontConfig {
  if (cached) return cached;
  try {
    cached = parseStorefrontConfig(process.env);
    return cached;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
