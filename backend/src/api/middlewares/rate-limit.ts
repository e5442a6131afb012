/**
 * The backend's one rate limiter: rate-limiter-flexible.
 *
 * Why a library: counting attempts correctly across processes is easy to get subtly
 * wrong (atomic increments, expiry, clock handling, a fallback when the store is down).
 * rate-limiter-flexible is widely used, maintained, and has interchangeable stores:
 * - REDIS_URL set: RateLimiterRedis, so the server, the worker and every restart share
 *   one count per key (an atomic INCR + expiry in Redis). If Redis is unreachable the
 *   library falls back to an in-memory limiter (insuranceLimiter) instead of failing open.
 * - otherwise: RateLimiterMemory (one process, `npm start` without Redis, tests).
 *
 * Keys: each limit has its own key prefix `bp:rl:<database>:<limit name>`; the database
 * name keeps two shops (or two test runs) on one Redis apart. Callers build the rest of
 * the key from the route as Medusa matched it (route params, never the raw path), the
 * client address (client-address.ts) and, for sign-ins, the lower-cased account.
 */
import Redis from "ioredis"
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readRateLimitStore } from "../../config/env"

export type Limit = {
  /** unique per limit: part of the store key */
  name: string
  /** attempts allowed per window */
  points: number
  durationSeconds: number
}

export type LimiterStore = { redisUrl?: string; namespace: string }

const redisClients = new Map<string, Redis>()

function redisClient(url: string): Redis {
  let client = redisClients.get(url)
  if (!client) {
    // No offline queue: while Redis is away, calls fail at once and the insurance limiter answers.
    client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: "bp-rate-limit" })
    client.on("error", () => {
      // ioredis reconnects by itself; the insurance limiter covers the gap.
    })
    redisClients.set(url, client)
  }
  return client
}

/** A limiter for `limit` in `store`. Two limiters for the same limit and Redis share their counts. */
export function createLimiter(limit: Limit, store: LimiterStore, client?: Redis): RateLimiterAbstract {
  const options = { keyPrefix: `bp:rl:${store.namespace}:${limit.name}`, points: limit.points, duration: limit.durationSeconds }
  if (!store.redisUrl && !client) return new RateLimiterMemory(options)
  return new RateLimiterRedis({
    ...options,
    storeClient: client ?? redisClient(store.redisUrl!),
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  })
}

const limiters = new Map<string, RateLimiterAbstract>()

/** This process's limiter for `limit` (created on first use, so REDIS_URL is read after config loads). */
export function limiterFor(limit: Limit): RateLimiterAbstract {
  let limiter = limiters.get(limit.name)
  if (!limiter) {
    limiter = createLimiter(limit, readRateLimitStore())
    limiters.set(limit.name, limiter)
  }
  return limiter
}

/** What to do with a check's key after the request succeeded (2xx). */
export type OnSuccess = "keep" | "forget" | "refund"

export type LimitCheck = {
  limit: Limit
  /** The key within this limit; undefined skips the check (e.g. no account in the body). */
  key: (req: MedusaRequest) => string | undefined
  /** forget: delete the key's count (a successful sign-in clears its failures); refund: give this attempt back. */
  onSuccess?: OnSuccess
}

export const TOO_MANY_REQUESTS = "too_many_requests"

/** One attempt counted on a limit's key (to give it back later). */
export type Counted = { limit: Limit; key: string }

/**
 * Counts one attempt on each `limit`/`key`, in order. The first exhausted one refuses:
 * the attempts already counted for it are given back, later ones are not counted at all,
 * and the answer says which one refused and for how many seconds. So put the narrow
 * checks first. Used by the rateLimit middleware and by workflows that can only judge
 * after reading the database (api/middlewares/limits.ts, admin messages).
 */
export async function consumeLimits(
  checks: Counted[]
): Promise<{ ok: true; counted: Counted[] } | { ok: false; index: number; retryAfterSeconds: number }> {
  const counted: Counted[] = []
  for (const [index, check] of checks.entries()) {
    try {
      await limiterFor(check.limit).consume(check.key)
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal
      await refundLimits(counted)
      return { ok: false, index, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) }
    }
    counted.push(check)
  }
  return { ok: true, counted }
}

/**
 * Whether each `limit`/`key` has an attempt left, counting nothing: for work that is judged
 * (and counted with consumeLimits) only after something expensive, so an exhausted budget
 * refuses first. The first exhausted one answers as consumeLimits does.
 */
export async function peekLimits(
  checks: Counted[]
): Promise<{ ok: true } | { ok: false; index: number; retryAfterSeconds: number }> {
  for (const [index, check] of checks.entries()) {
    const state = await limiterFor(check.limit).get(check.key)
    if (state && state.consumedPoints >= check.limit.points && state.msBeforeNext > 0) {
      return { ok: false, index, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) }
    }
  }
  return { ok: true }
}

/** Gives counted attempts back (the work they were for did not happen). */
export async function refundLimits(counted: Counted[]): Promise<void> {
  await Promise.all(counted.map((c) => limiterFor(c.limit).reward(c.key, 1).catch(() => undefined)))
}

/**
 * Counts one attempt on each check, in order, before the route runs (so parallel requests
 * cannot slip through between a check and a count). The first exhausted check answers 429
 * with a Dutch message and Retry-After; the attempts already counted by earlier checks of
 * this request are given back and later checks are not counted at all. So put the narrow
 * checks first: a stranger refused per address and account never spends the account's
 * own budget, however often they keep trying.
 */
export function rateLimit(checks: LimitCheck[], message: (minutes: number) => string) {
  return async function rateLimited(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const keyed = checks.flatMap((check) => {
        const key = check.key(req)
        return key === undefined ? [] : [{ check, limit: check.limit, key }]
      })
      const result = await consumeLimits(keyed)
      if (!result.ok) {
        res.setHeader("Retry-After", String(result.retryAfterSeconds))
        res.status(429).json({ type: TOO_MANY_REQUESTS, message: message(Math.ceil(result.retryAfterSeconds / 60)) })
        return
      }
      res.on("finish", () => {
        if (res.statusCode < 200 || res.statusCode >= 300) return
        for (const { check, key, limit } of keyed) {
          const limiter = limiterFor(limit)
          if (check.onSuccess === "forget") limiter.delete(key).catch(() => undefined)
          else if (check.onSuccess === "refund") limiter.reward(key, 1).catch(() => undefined)
        }
      })
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** "1 minuut" / "5 minuten" */
export function minutes(n: number): string {
  return `${n} ${n === 1 ? "minuut" : "minuten"}`
}

/** "5 minuten", "3 uur": a day's budget can ask for a long wait. */
export function waitText(minutesToWait: number): string {
  return minutesToWait >= 120 ? `${Math.ceil(minutesToWait / 60)} uur` : minutes(minutesToWait)
}
