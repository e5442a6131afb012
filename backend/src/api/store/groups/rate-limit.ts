/**
 * Per-IP rate limits for the directory's public forms (registering a group,
 * writing to a group's admin).
 *
 * The limiter sits behind a small interface: the in-memory sliding window below is
 * right for one process (the default without REDIS_URL). With several server
 * processes each keeps its own window, so the effective limit multiplies by the
 * number of processes; a Redis implementation of RateLimiter would share it.
 *
 * The client's IP is `req.ip`. Medusa sets Express's `trust proxy` to 1, so behind
 * one reverse proxy that is the address the proxy saw (the last X-Forwarded-For entry).
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number }

export interface RateLimiter {
  /** Counts one attempt for `key` (unless refused) and says whether it is within the limit. */
  hit(key: string): Promise<RateLimitResult>
}

export type SlidingWindowOptions = {
  limit: number
  windowMs: number
  /** for tests */
  now?: () => number
}

/** At most `limit` attempts in any `windowMs`; refused attempts are not counted. */
export class SlidingWindowRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>()
  private readonly now: () => number

  constructor(private readonly options: SlidingWindowOptions) {
    this.now = options.now ?? Date.now
  }

  async hit(key: string): Promise<RateLimitResult> {
    const now = this.now()
    const since = now - this.options.windowMs
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since)
    if (recent.length >= this.options.limit) {
      this.hits.set(key, recent)
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.options.windowMs - now) / 1000)) }
    }
    recent.push(now)
    this.hits.set(key, recent)
    if (this.hits.size > 10_000) this.sweep(since)
    return { allowed: true, remaining: this.options.limit - recent.length, retryAfterSeconds: 0 }
  }

  private sweep(since: number) {
    for (const [key, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(key)
  }
}

const HOUR = 60 * 60 * 1000

/** 5 group registrations per IP per hour. */
export const registrationRateLimiter: RateLimiter = new SlidingWindowRateLimiter({ limit: 5, windowMs: HOUR })
/** 10 messages to group admins per IP per hour. */
export const contactRateLimiter: RateLimiter = new SlidingWindowRateLimiter({ limit: 10, windowMs: HOUR })

/** Answers 429 with Retry-After and a Dutch message when `limiter` refuses the client's IP. */
export function rateLimit(limiter: RateLimiter, message: (minutes: number) => string) {
  return async function rateLimitByIp(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const key = req.ip ?? req.socket?.remoteAddress ?? "unknown"
      const result = await limiter.hit(key)
      if (!result.allowed) {
        res.setHeader("Retry-After", String(result.retryAfterSeconds))
        res.status(429).json({ type: "too_many_requests", message: message(Math.ceil(result.retryAfterSeconds / 60)) })
        return
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}
