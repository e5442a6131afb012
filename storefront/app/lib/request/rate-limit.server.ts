/**
 * The storefront's rate limits, with the library the backend's limits use (rate-limiter-flexible,
 * backend/src/api/middlewares/rate-limit.ts): atomic counters and interchangeable stores, no
 * hand-written window. Most limits live in the backend, which judges what it stores; the
 * storefront counts only what never reaches it, such as a cart post that changes nothing
 * (`POST /winkelmand/wijzigen`, lib/cart/cart-action.server.ts).
 *
 * - REDIS_URL set: the counts live in Redis (keys `bp:sf:rl:<limit>:<client>`), shared by every
 *   storefront process and machine; while Redis is unreachable an in-memory limiter stands in.
 * - otherwise: in this process's memory, so with STOREFRONT_WORKERS processes a client can spend
 *   up to that many budgets (the limits here are generous floors against floods, not quotas).
 *
 * The client is the visitor's address (Express's req.ip, TRUST_PROXY applies) counted the way the
 * backend counts it (limitSubject): an IPv6 address as its /64, every loopback address as one.
 */
import { BlockList, isIP } from "node:net";
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig } from "../config.server";

export type Limit = {
  /** unique per limit: part of the store key */
  name: string;
  /** requests allowed per window */
  points: number;
  durationSeconds: number;
};

let redis: Redis | undefined;
function redisClient(url: string): Redis {
  if (!redis) {
    // No offline queue: while Redis is away, calls fail at once and the in-memory limiter answers.
    redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: "bp-sf-rate-limit" });
    redis.on("error", () => {
      // ioredis reconnects by itself; the insurance limiter covers the gap.
    });
  }
  return redis;
}

const limiters = new Map<string, RateLimiterAbstract>();

/** This process's limiter for `limit` (a changed budget, e.g. in a test, gets a new one). */
function limiterFor(limit: Limit): RateLimiterAbstract {
  const id = `${limit.name}:${limit.points}:${limit.durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const options = { keyPrefix: `bp:sf:rl:${limit.name}`, points: limit.points, duration: limit.durationSeconds };
    const { redisUrl } = getConfig();
    limiter = redisUrl
      ? new RateLimiterRedis({ ...options, storeClient: redisClient(redisUrl), rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
    limiters.set(id, limiter);
  }
  return limiter;
}

/**
 * Counts one request of `address` on `limit`. A client without an address (not served by
 * server.mjs) is not counted.
 */
export async function consumeLimit(limit: Limit, address: string | undefined): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  if (!address) return { ok: true };
  try {
    await limiterFor(limit).consume(limitSubject(address));
    return { ok: true };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
  }
}

/**
 * Resolves once the limits' store is connected (at once without REDIS_URL). Until then, as in the
 * backend, the in-memory limiter counts (a process's first requests after its start).
 */
export async function limitStoreReady(): Promise<void> {
  const { redisUrl } = getConfig();
  if (!redisUrl) return;
  const client = redisClient(redisUrl);
  if (client.status !== "ready") await new Promise<void>((resolve) => client.once("ready", () => resolve()));
}

/** Closes this process's connection to the limits' store (tests). */
export async function closeLimitStore(): Promise<void> {
  await redis?.quit().catch(() => undefined);
  redis = undefined;
  limiters.clear();
}

/** "1 minuut" / "5 minuten" */
export function minutes(n: number): string {
  return `${n} ${n === 1 ? "minuut" : "minuten"}`;
}

// ---- the client, as the backend counts it (backend/src/api/middlewares/client-address.ts)

/** The eight 16-bit groups of an IPv6 address in any spelling; undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let canonical: string;
  try {
    // WHATWG URL writes IPv6 one way: lower case, zeros compressed, an IPv4 tail as two hex groups
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const [head, tail] = canonical.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.length === 8 ? groups.map((group) => parseInt(group, 16)) : undefined;
}

/** One spelling per client: brackets and a zone dropped, lower case, IPv4 on a dual-stack socket (`::ffff:1.2.3.4`) as IPv4. */
function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "").toLowerCase();
  const groups = ipv6Groups(trimmed);
  if (groups && groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return trimmed;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** Who a limit counts: an IPv4 address, an IPv6 address's /64 (`2001:db8:1:2::/64`), or "loopback" for the machine itself. */
export function limitSubject(address: string): string {
  const normalised = normaliseAddress(address);
  const version = isIP(normalised);
  if (version !== 0 && LOOPBACK.check(normalised, version === 6 ? "ipv6" : "ipv4")) return "loopback";
  const groups = ipv6Groups(normalised);
  return groups ? `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64` : normalised;
}
