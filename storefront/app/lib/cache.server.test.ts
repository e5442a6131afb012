import { describe, expect, it, vi } from "vitest";
import { createCache } from "./cache.server";

function clock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("createCache", () => {
  it("serves a fresh value without calling the loader again", async () => {
    const t = clock();
    const cache = createCache<number>({ freshMs: 1000, maxStaleMs: 5000, now: t.now });
    const loader = vi.fn().mockResolvedValue(1);
    expect(await cache.get("k", loader)).toBe(1);
    t.advance(999);
    expect(await cache.get("k", loader)).toBe(1);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("shares one backend call between concurrent misses", async () => {
    const cache = createCache<string>({ freshMs: 1000, maxStaleMs: 0 });
    let resolve!: (v: string) => void;
    const loader = vi.fn(() => new Promise<string>((r) => (resolve = r)));
    const both = Promise.all([cache.get("k", loader), cache.get("k", loader)]);
    resolve("v");
    expect(await both).toEqual(["v", "v"]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("serves stale while refreshing once, then the new value", async () => {
    const t = clock();
    const cache = createCache<number>({ freshMs: 1000, maxStaleMs: 5000, now: t.now });
    await cache.get("k", async () => 1);
    t.advance(2000);
    const loader = vi.fn().mockResolvedValue(2);
    expect(await cache.get("k", loader)).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.get("k", loader)).toBe(2);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("waits for the loader when the value is too old, and does not cache failures", async () => {
    const t = clock();
    const cache = createCache<number>({ freshMs: 1000, maxStaleMs: 1000, now: t.now });
    await cache.get("k", async () => 1);
    t.advance(5000);
    await expect(cache.get("k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("k", async () => 3)).toBe(3);
  });
});
