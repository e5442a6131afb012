import { SlidingWindowRateLimiter } from "../rate-limit"

describe("SlidingWindowRateLimiter", () => {
  it("allows `limit` attempts per window per key, counts no refused attempts, and frees up as the window slides", async () => {
    let now = 0
    const limiter = new SlidingWindowRateLimiter({ limit: 3, windowMs: 60_000, now: () => now })
    for (const t of [0, 10_000, 20_000]) {
      now = t
      expect((await limiter.hit("a")).allowed).toBe(true)
    }
    now = 30_000
    expect(await limiter.hit("a")).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 30 })
    expect((await limiter.hit("b")).allowed).toBe(true)
    now = 60_001 // the first attempt left the window
    expect(await limiter.hit("a")).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 })
    expect((await limiter.hit("a")).allowed).toBe(false)
  })
})
