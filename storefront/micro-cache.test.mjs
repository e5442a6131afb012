import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { microCache } from "./micro-cache.mjs";

let server;
let base;
let renders = 0;
let clock = 0;

beforeAll(async () => {
  const app = express();
  app.use(microCache({ ttlMs: 1000, now: () => clock, sessionCookie: "(?:__Host-bp|__bp)" })); // as server.mjs
  app.get("/page", (req, res) => {
    renders++;
    res.type("html").send(`<p>render ${renders} for ${req.headers.cookie ?? "anonymous"}</p>`);
  });
  app.get("/notice", (req, res) => {
    renders++;
    res.setHeader("Set-Cookie", "__bp=flash-consumed");
    res.send(`notice ${renders}`);
  });
  app.get("/private", (req, res) => {
    renders++;
    res.setHeader("Cache-Control", "private, no-store");
    res.send(`private ${renders}`);
  });
  app.get("/missing", (req, res) => {
    renders++;
    res.status(404).send(`missing ${renders}`);
  });
  await new Promise((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = (path, cookie) => fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });

describe("microCache", () => {
  it("serves the same page from memory within the time to live", async () => {
    const first = await (await get("/page")).text();
    const second = await get("/page");
    expect(await second.text()).toBe(first);
    expect(second.headers.get("x-micro-cache")).toBe("hit");
    expect(second.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("renders again after the time to live", async () => {
    const before = await (await get("/page")).text();
    clock += 1500;
    expect(await (await get("/page")).text()).not.toBe(before);
  });

  it("never shares a page between visitors with different cookies", async () => {
    const a = await (await get("/page", "__bp=visitor-a")).text();
    const b = await (await get("/page", "__bp=visitor-b")).text();
    expect(a).toContain("visitor-a");
    expect(b).toContain("visitor-b");
  });

  it("never serves a stored page to a visitor with a session: the cookie stays the same while the cart changes (#27)", async () => {
    // The session cookie holds only an id; the cart lives on the server. A page stored for this
    // cookie before an add would show the old count after the add (a reload within the time to live).
    const before = await (await get("/page", "other=1; __bp=visitor-c")).text();
    const after = await get("/page", "other=1; __bp=visitor-c");
    expect(after.headers.get("x-micro-cache")).toBeNull();
    expect(await after.text()).not.toBe(before);
    // the same over HTTPS, where the session cookie is __Host-bp
    const secure = await (await get("/page", "__Host-bp=visitor-d")).text();
    expect(await (await get("/page", "__Host-bp=visitor-d")).text()).not.toBe(secure);
    // Without a session (and with unrelated cookies) pages are still shared.
    await get("/page", "other=1");
    expect((await get("/page", "other=1")).headers.get("x-micro-cache")).toBe("hit");
  });

  it("does not store responses that set a cookie, are private or are not 200", async () => {
    for (const path of ["/notice", "/private", "/missing"]) {
      const first = await (await get(path)).text();
      const second = await (await get(path)).text();
      expect(second).not.toBe(first);
    }
  });
});
