import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import { getConfig } from "../config.server";

/**
 * Passing the visitor's address to the backend, signed.
 *
 * The storefront renders and posts forms from its own server, so without this every
 * sign-in or registration would reach the backend from the storefront's address, and
 * the backend's per-address limits would lump all visitors together. The backend
 * ignores X-Forwarded-For from anyone it does not list in TRUSTED_PROXIES, so the
 * storefront sends `x-bp-client-address: <address> <unix seconds> <HMAC-SHA256>` with
 * the secret both share (CLIENT_IP_SECRET); the backend believes it only with a valid,
 * fresh signature (backend/src/api/middlewares/client-address.ts, same format).
 *
 * server.mjs runs every request inside `clientAddresses.run(req.ip, …)`, so any call to
 * the backend made while rendering that request knows whose it is, without threading
 * the address through every loader and action. It finds the same AsyncLocalStorage via
 * a global symbol, because server.mjs is not part of the Vite bundle.
 */
export const CLIENT_ADDRESS_HEADER = "x-bp-client-address";

const STORAGE_KEY = Symbol.for("buurtpreventie.clientAddress");

export function clientAddressStorage(): AsyncLocalStorage<string | undefined> {
  const holder = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<string | undefined> };
  return (holder[STORAGE_KEY] ??= new AsyncLocalStorage<string | undefined>());
}

/** IPv4 visitors on a dual-stack socket show up as ::ffff:1.2.3.4. */
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

export function signClientAddress(address: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const normalised = normalise(address);
  const signature = crypto.createHmac("sha256", secret).update(`${normalised}\n${nowSeconds}`).digest("hex");
  return `${normalised} ${nowSeconds} ${signature}`;
}

/**
 * The signed header for `address` (default: the visitor of the request being served),
 * or nothing when there is no address or no secret (the backend then sees the storefront).
 */
export function clientAddressHeaders(
  address: string | null | undefined = clientAddressStorage().getStore(),
  secret: string | undefined = getConfig().clientIpSecret,
): Record<string, string> {
  if (!address || !secret || address.length > 64) return {};
  return { [CLIENT_ADDRESS_HEADER]: signClientAddress(address, secret) };
}
