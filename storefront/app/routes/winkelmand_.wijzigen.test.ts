import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";
import { answerOf } from "~/test/request-context";

// Issue 24, third look: every cookieless add with a variant the backend refuses made a
// 30-day session and an empty backend cart. Through the real route, session store (files)
// and backend client; only the backend's HTTP answers are stubbed.
const dir = mkdtempSync(path.join(tmpdir(), "bp-add-sessions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

let route: typeof import("./winkelmand_.wijzigen");
let oldAddRoute: typeof import("./winkelmand_.toevoegen");
beforeAll(async () => {
  delete process.env.REDIS_URL;
  process.env.SESSION_DIR = dir;
  const { rereadConfig } = await import("~/lib/config.server");
  rereadConfig();
  route = await import("./winkelmand_.wijzigen");
  oldAddRoute = await import("./winkelmand_.toevoegen");
});

const files = () => readdirSync(dir, { recursive: true }).map(String).sort();
const REGION = { id: "reg_nl", name: "Nederland", currency_code: "eur", countries: [{ iso_2: "nl" }] };

/** Medusa: a cart made with a line whose variant does not exist is refused, and nothing is created. */
function backend() {
  return stubBackend((request) => {
    if (request.path === "/store/regions") return { body: { regions: [REGION], count: 1, offset: 0, limit: 100 } };
    if (request.method === "POST" && request.path === "/store/carts") {
      const items = (request.body as { items?: { variant_id: string; quantity: number }[] }).items ?? [];
      if (items[0]?.variant_id !== "variant_ok") return { status: 400, body: { type: "invalid_data", message: `Variants with IDs ${items[0]?.variant_id} do not exist` } };
      return { body: { cart: { id: "cart_new", items: [{ quantity: 1, variant_id: "variant_ok", product_title: "Bord", variant_title: "Groot" }] } } };
    }
    return { status: 404, body: { type: "not_found", message: "?" } };
  });
}

const post = (action: typeof route.action, url: string, fields: Record<string, string>, json: boolean) =>
  answerOf(
    action,
    new Request(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(json ? { Accept: "application/json" } : {}) },
      body: new URLSearchParams(fields).toString(),
    }),
  );
/** A key as every page of the shop sends with an add (sec27: an add without one is refused). */
const KEY = "0123456789abcdef0123456789abcdef";
/** An add through the one cart route: POST /winkelmand/wijzigen with intent=add. */
const add = (fields: Record<string, string>, json: boolean) => post(route.action, "http://shop.test/winkelmand/wijzigen", { intent: "add", addKey: KEY, ...fields }, json);

describe("POST /winkelmand/wijzigen (intent add) without a session", () => {
  it("a refused variant (JSON) leaves no session and no cart behind", async () => {
    const seen = backend();
    const before = files();
    const answer = await add({ variantId: "x", quantity: "1" }, true);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("Set-Cookie")).toBeNull();
    expect(files()).toEqual(before);
    // the one cart request carried the line: the backend refused it whole, no empty cart was made
    const carts = seen.filter((r) => r.path === "/store/carts");
    expect(carts).toHaveLength(1);
    expect(carts[0]!.body).toMatchObject({ region_id: "reg_nl", items: [{ variant_id: "x", quantity: 1 }] });
  });

  it("a malformed add (JSON) leaves no session and asks the backend nothing", async () => {
    const seen = backend();
    const before = files();
    const answer = await add({ variantId: "", quantity: "1" }, true);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("Set-Cookie")).toBeNull();
    expect(files()).toEqual(before);
    expect(seen.filter((r) => r.path.startsWith("/store/carts"))).toHaveLength(0);
  });

  it("a refused add without JavaScript keeps its notice for the redirect only (one minute), not 30 days", async () => {
    backend();
    const answer = await add({ variantId: "x", quantity: "1", handle: "bord" }, false);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Set-Cookie")).toMatch(/Max-Age=60(;|$)/);
  });

  it("an accepted first add makes the cart with its line and stores the session", async () => {
    const seen = backend();
    const before = files();
    const answer = await add({ variantId: "variant_ok", quantity: "1" }, true);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true, count: 1 });
    expect(answer.headers.get("Set-Cookie")).toMatch(/^__bp=/);
    expect(files().length).toBeGreaterThan(before.length);
    expect(seen.filter((r) => r.path === "/store/carts")).toHaveLength(1);
  });
});

describe("the one cart action's other answers", () => {
  it("the old add address (/winkelmand/toevoegen, a page loaded before a deploy) still adds, without an intent", async () => {
    const seen = backend();
    const answer = await post(oldAddRoute.action, "http://shop.test/winkelmand/toevoegen", { variantId: "variant_ok", quantity: "1", addKey: KEY }, true);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true, count: 1 });
    expect(seen.filter((r) => r.path === "/store/carts")).toHaveLength(1);
  });

  it("an unknown or missing intent goes back to the cart with a Dutch notice, kept a minute, and asks the backend nothing", async () => {
    for (const fields of [{ intent: "empty-everything" }, { lineId: "line_1" }] as Record<string, string>[]) {
      const seen = backend();
      const answer = await post(route.action, "http://shop.test/winkelmand/wijzigen", fields, false);
      expect(answer.status).toBe(303);
      expect(answer.headers.get("Location")).toBe("/winkelmand");
      expect(answer.headers.get("Set-Cookie")).toMatch(/Max-Age=60(;|$)/);
      expect(seen).toHaveLength(0);
    }
  });

  it("a group choice without a group returns to that group's page only, never elsewhere", async () => {
    backend();
    const answer = await post(route.action, "http://shop.test/winkelmand/wijzigen", { intent: "set-group", group: "", back: "https://evil.example/" }, false);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe("/winkelmand");
  });
});
