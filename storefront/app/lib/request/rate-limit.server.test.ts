import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

const load = async () => {
  vi.resetModules();
  const config = await import("../config.server");
  config.rereadConfig();
  return import("./rate-limit.server");
};

describe("who a storefront limit counts (the backend's rule)", () => {
  it("an IPv4 address, an IPv6 /64, and every loopback address as one", async () => {
    const { limitSubject } = await load();
    expect(limitSubject("203.0.113.7")).toBe("203.0.113.7");
    expect(limitSubject("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(limitSubject("::ffff:cb00:7107")).toBe("203.0.113.7");
    expect(limitSubject("2001:DB8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitSubject("[2001:db8:1:2::ffff]")).toBe("2001:db8:1:2::/64");
    for (const loop of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(limitSubject(loop)).toBe("loopback");
  });
});

describe("consumeLimit", () => {
  const savedRedis = process.env.REDIS_URL;
  afterAll(() => {
    if (savedRedis === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedis;
  });

  it("in memory: the budget, then a refusal with the seconds to wait; no address is not counted", async () => {
    delete process.env.REDIS_URL;
    const { consumeLimit } = await load();
    const limit = { name: `test:${randomBytes(4).toString("hex")}`, points: 2, durationSeconds: 60 };
    expect(await consumeLimit(limit, "198.51.100.1")).toEqual({ ok: true });
    expect(await consumeLimit(limit, "198.51.100.1")).toEqual({ ok: true });
    const refused = await consumeLimit(limit, "198.51.100.1");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(await consumeLimit(limit, "198.51.100.2")).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) expect(await consumeLimit(limit, undefined)).toEqual({ ok: true });
  });

  it.skipIf(!savedRedis)("with REDIS_URL: two storefront processes share one budget", async () => {
    process.env.REDIS_URL = savedRedis;
    const limit = { name: `test:${randomBytes(4).toString("hex")}`, points: 3, durationSeconds: 60 };
    const first = await load();
    const second = await load(); // a module of its own: its own Redis client and limiter, as another process has
    await Promise.all([first.limitStoreReady(), second.limitStoreReady()]);
    expect(await first.consumeLimit(limit, "198.51.100.9")).toEqual({ ok: true });
    expect(await second.consumeLimit(limit, "198.51.100.9")).toEqual({ ok: true });
    expect(await first.consumeLimit(limit, "198.51.100.9")).toEqual({ ok: true });
    expect((await second.consumeLimit(limit, "198.51.100.9")).ok).toBe(false);
    await Promise.all([first.closeLimitStore(), second.closeLimitStore()]);
  });
});
