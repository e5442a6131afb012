import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type SeenRequest, stubBackend } from "~/test/backend-stub";

// sec27: an attacker's walk against the one cart route, POST /winkelmand/wijzigen, through the
// real route, request context, session store (files) and backend client; only the backend's
// HTTP answers are stubbed (the backend's own rules are tested in
// backend/integration-tests/http/security-cart-lines.spec.ts).
const dir = mkdtempSync(path.join(tmpdir(), "bp-cart-attacks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

let route: typeof import("./winkelmand_.wijzigen");
let oldAddRoute: typeof import("./winkelmand_.toevoegen");
let requestContext: typeof import("~/lib/request/context.server");
let sessions: typeof import("~/lib/session/session.server");
let config: typeof import("~/lib/config.server");
beforeAll(async () => {
  delete process.env.REDIS_URL;
  delete process.env.CART_CHANGE_LIMIT_PER_ADDRESS;
  process.env.SESSION_DIR = dir;
  config = await import("~/lib/config.server");
  config.rereadConfig();
  route = await import("./winkelmand_.wijzigen");
  oldAddRoute = await import("./winkelmand_.toevoegen");
  requestContext = await import("~/lib/request/context.server");
  sessions = await import("~/lib/session/session.server");
});

const REGION = { id: "reg_nl", name: "Nederland", currency_code: "eur", countries: [{ iso_2: "nl" }] };
const MAX_PER_LINE = "Bestel maximaal 999 stuks per regel; neem contact op voor grotere aantallen.";
const quantityRefusal = (message: string) => ({ status: 400, body: { type: "invalid_data", code: "invalid_quantity", message, errors: { quantity: message } } });
const LINE_NOT_FOUND = { type: "not_found", code: "line_not_found", message: "Deze regel staat niet in deze winkelmand." };

/**
 * A backend with one cart (cart_1) holding one line (line_1) of variant_ok, answering as the
 * real one does (backend/src/lib/cart-lines.ts, api/store/carts/middlewares.ts): at most 999
 * per line, and a line id of another cart is a 404 line_not_found.
 */
function backend() {
  let units = 0;
  const cart = () => ({ id: "cart_1", items: units ? [{ id: "line_1", quantity: units, variant_id: "variant_ok", product_title: "Bord", variant_title: "Groot" }] : [] });
  const seen = stubBackend((request) => {
    const { method, path: at } = request;
    const quantity = (request.body as { quantity?: number; items?: { quantity: number }[] } | undefined)?.quantity ?? (request.body as { items?: { quantity: number }[] } | undefined)?.items?.[0]?.quantity ?? 0;
    if (at === "/store/regions") return { body: { regions: [REGION], count: 1, offset: 0, limit: 100 } };
    if (method === "POST" && at === "/store/carts") {
      if (quantity > 999) return quantityRefusal(MAX_PER_LINE);
      units = quantity;
      return { body: { cart: cart() } };
    }
    if (method === "POST" && at === "/store/carts/cart_1/line-items") {
      if (units + quantity > 999) return quantityRefusal(`Bestel maximaal 999 stuks per regel; je hebt er al ${units} in je winkelmand. Neem contact op voor grotere aantallen.`);
      units += quantity;
      return { body: { cart: cart() } };
    }
    if (at === "/store/carts/cart_1/line-items/line_1") {
      if (method === "DELETE") {
        units = 0;
        return { body: { id: "line_1", object: "line-item", deleted: true, parent: cart() } };
      }
      if (quantity > 999) return quantityRefusal(MAX_PER_LINE);
      units = quantity;
      return { body: { cart: cart() } };
    }
    if (at.startsWith("/store/carts/cart_1/line-items/")) return { status: 404, body: LINE_NOT_FOUND };
    return { status: 404, body: { type: "not_found", message: "?" } };
  });
  return { seen, units: () => units };
}
const cartCalls = (seen: SeenRequest[]) => seen.filter((r) => r.path.startsWith("/store/carts"));

let nextAddress = 0;
/** A visitor's own address, so the cart route's limit of one test never touches another's. */
const freshAddress = () => `198.51.100.${++nextAddress}`;

type Send = { json?: boolean; cookie?: string | null; ip?: string; action?: typeof route.action; url?: string };

/** One post as server.mjs serves it: one request context (visitor address `ip`), its session committed once. */
async function send(fields: Record<string, string>, { json = false, cookie = null, ip = "203.0.113.10", action = route.action, url = "http://shop.test/winkelmand/wijzigen" }: Send = {}) {
  const request = new Request(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(json ? { Accept: "application/json" } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  const context = await requestContext.createRequestContext(request, ip);
  const answer = await action({ request, params: {}, context });
  return requestContext.commitRequestContext(context, answer as Response);
}

const cookieOf = (answer: Response) => answer.headers.get("Set-Cookie")?.split(";")[0] ?? null;
/** The notice the next page shows (a flash, read once). */
async function noticeOf(cookie: string | null) {
  const session = await sessions.getSession(new Request("http://shop.test/", { headers: cookie ? { Cookie: cookie } : {} }));
  return session.get("notice");
}
const KEY = () => crypto.getRandomValues(new Uint8Array(16)).reduce((hex, b) => hex + b.toString(16).padStart(2, "0"), "");

/** A visitor with a cart (cart_1, line_1 holding `quantity`): its session cookie. */
async function visitorWithCart(quantity = "1", ip = freshAddress()) {
  const answer = await send({ intent: "add", variantId: "variant_ok", quantity, addKey: KEY() }, { json: true, ip });
  expect(answer.status).toBe(200);
  return cookieOf(answer)!;
}

const sessionFiles = () => readdirSync(dir).filter((name) => name.endsWith(".json"));
/** When the sessions stored since `before` (file names) expire, ms from now. */
function storedLifetimes(before: string[] = []): number[] {
  return sessionFiles()
    .filter((name) => !before.includes(name))
    .map((name) => (JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { expires: number }).expires - Date.now());
}

describe("1: a line of another cart", () => {
  it("removing a line id that is not in the visitor's cart says so in Dutch, never 'verwijderd'", async () => {
    const { seen } = backend();
    const cookie = await visitorWithCart();
    const answer = await send({ intent: "remove", lineId: "cali_of_someone_else" }, { cookie });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe("/winkelmand");
    expect(seen.at(-1)).toMatchObject({ method: "DELETE", path: "/store/carts/cart_1/line-items/cali_of_someone_else" });
    expect(await noticeOf(cookie)).toEqual({ kind: "error", message: "Deze regel staat niet in deze winkelmand." });
  });
});

describe("2: the most per line is the backend's rule, shown in its Dutch words", () => {
  it("999 added twice: the second add is refused with the backend's sentence (JSON and without JavaScript)", async () => {
    const { units } = backend();
    const ip = freshAddress();
    const cookie = await visitorWithCart("999", ip);
    const refused = await send({ intent: "add", variantId: "variant_ok", quantity: "999", addKey: KEY() }, { json: true, cookie, ip });
    expect(refused.status).toBe(400);
    const sentence = "Bestel maximaal 999 stuks per regel; je hebt er al 999 in je winkelmand. Neem contact op voor grotere aantallen.";
    expect(await refused.json()).toEqual({ ok: false, message: sentence });
    const plain = await send({ intent: "add", variantId: "variant_ok", quantity: "1", addKey: KEY(), handle: "bord" }, { cookie, ip });
    expect(plain.status).toBe(303);
    expect(await noticeOf(cookie)).toEqual({ kind: "error", message: sentence });
    expect(units()).toBe(999);
  });

  it("1000 is sent to the backend (which judges it) and its refusal shown; a new visitor keeps no session", async () => {
    const { seen } = backend();
    const answer = await send({ intent: "add", variantId: "variant_ok", quantity: "1000", addKey: KEY() }, { json: true, ip: freshAddress() });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ ok: false, message: MAX_PER_LINE });
    expect(answer.headers.get("Set-Cookie")).toBeNull();
    expect(seen.find((r) => r.path === "/store/carts")?.body).toMatchObject({ items: [{ variant_id: "variant_ok", quantity: 1000 }] });
  });

  it("an update above the most per line shows the backend's sentence on the cart page", async () => {
    const { units } = backend();
    const ip = freshAddress();
    const cookie = await visitorWithCart("5", ip);
    const answer = await send({ intent: "update", lineId: "line_1", quantity: "1000" }, { cookie, ip });
    expect(answer.headers.get("Location")).toBe("/winkelmand");
    // the refusal belongs to that line (the cart page shows it there, with what was typed)
    expect(await noticeOf(cookie)).toEqual({ kind: "error", message: MAX_PER_LINE, line: { id: "line_1", typed: "1000" } });
    expect(units()).toBe(5);
  });
});

describe("3: a quantity is plain decimal digits", () => {
  const DIGITS_ONLY = "Vul een aantal in met alleen cijfers, bijvoorbeeld 3.";
  it.each([["0x10"], ["1e2"], ["0b11"], ["0o7"], ["+5"], ["-5"], ["5.0"], ["5,0"], ["5 "], [" 5"], ["1_000"], ["Infinity"], ["５"], ["٥"], ["5\n"]])(
    "%j is refused in Dutch and asks the backend nothing (add and update)",
    async (quantity) => {
      const { seen } = backend();
      const ip = freshAddress();
      const add = await send({ intent: "add", variantId: "variant_ok", quantity, addKey: KEY() }, { json: true, ip });
      expect(add.status).toBe(400);
      expect(await add.json()).toEqual({ ok: false, message: DIGITS_ONLY });
      expect(cartCalls(seen)).toHaveLength(0);

      const cookie = await visitorWithCart("2", ip);
      const before = cartCalls(seen).length;
      const update = await send({ intent: "update", lineId: "line_1", quantity }, { cookie, ip });
      expect(update.headers.get("Location")).toBe("/winkelmand");
      expect(await noticeOf(cookie)).toMatchObject({ kind: "error", message: DIGITS_ONLY, line: { id: "line_1" } });
      expect(cartCalls(seen)).toHaveLength(before);
    },
  );

  it("an empty quantity and 0 keep their own sentences; plain digits (leading zeros too) are taken", async () => {
    const { seen } = backend();
    const ip = freshAddress();
    const answerOf = async (quantity: string) => (await (await send({ intent: "add", variantId: "variant_ok", quantity, addKey: KEY() }, { json: true, ip })).json()) as unknown;
    expect(await answerOf("")).toEqual({ ok: false, message: "Vul een aantal in." });
    expect(await answerOf("0")).toEqual({ ok: false, message: "Het aantal moet minstens 1 zijn." });
    expect(await answerOf("007")).toMatchObject({ ok: true, count: 7 });
    expect(seen.find((r) => r.path === "/store/carts")?.body).toMatchObject({ items: [{ quantity: 7 }] });
  });
});

describe("4: add keys", () => {
  const KEY_REFUSED = "Deze toevoeging kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.";

  it.each([["same1"], ["g".repeat(32)], ["ABCDEF0123456789ABCDEF0123456789"], ["a".repeat(31)], ["a".repeat(33)], ["a".repeat(64)], [`${"a".repeat(32)}\n`], [""]])(
    "a present but malformed key %j is refused (400, Dutch) and nothing is added",
    async (addKey) => {
      const { seen } = backend();
      const ip = freshAddress();
      const cookie = await visitorWithCart("1", ip);
      const before = cartCalls(seen).length;
      const answer = await send({ intent: "add", variantId: "variant_ok", quantity: "1", addKey }, { json: true, cookie, ip });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ ok: false, message: KEY_REFUSED });
      expect(cartCalls(seen)).toHaveLength(before);
    },
  );

  it("'same1' twice adds nothing; five at once with the same malformed key add nothing", async () => {
    const { seen, units } = backend();
    const ip = freshAddress();
    const cookie = await visitorWithCart("1", ip);
    const fields = { intent: "add", variantId: "variant_ok", quantity: "1" };
    for (let i = 0; i < 2; i++) expect((await send({ ...fields, addKey: "same1" }, { json: true, cookie, ip })).status).toBe(400);
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => send({ ...fields, addKey: "not-a-hex-key-but-long-enough" }, { json: true, cookie, ip })));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(cartCalls(seen).filter((r) => r.path === "/store/carts/cart_1/line-items")).toHaveLength(0);
    expect(units()).toBe(1);
  });

  it("five at once with the same well-formed key add once", async () => {
    const { seen, units } = backend();
    const ip = freshAddress();
    const cookie = await visitorWithCart("1", ip);
    const addKey = KEY();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => send({ intent: "add", variantId: "variant_ok", quantity: "1", addKey }, { json: true, cookie, ip })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(cartCalls(seen).filter((r) => r.path === "/store/carts/cart_1/line-items")).toHaveLength(1);
    expect(units()).toBe(2);
  });

  it("a missing key is refused too, on both addresses and without JavaScript (every page of the shop sends one)", async () => {
    const { seen } = backend();
    const ip = freshAddress();
    const json = await send({ intent: "add", variantId: "variant_ok", quantity: "1" }, { json: true, ip });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ ok: false, message: KEY_REFUSED });
    const old = await send({ variantId: "variant_ok", quantity: "1" }, { json: true, ip, action: oldAddRoute.action, url: "http://shop.test/winkelmand/toevoegen" });
    expect(old.status).toBe(400);
    const plain = await send({ intent: "add", variantId: "variant_ok", quantity: "1", handle: "bord" }, { ip });
    expect(plain.status).toBe(303);
    expect(plain.headers.get("Location")).toBe("/producten/bord?variant=variant_ok");
    expect(await noticeOf(cookieOf(plain))).toEqual({ kind: "error", message: KEY_REFUSED });
    expect(cartCalls(seen)).toHaveLength(0);
  });
});

describe("5: sessions of posts that change nothing, and the cart route's limit", () => {
  it("a cookieless post that changes nothing keeps its notice a minute, never a 30-day session", async () => {
    backend();
    const before = sessionFiles();
    const ip = freshAddress();
    const posts: Record<string, string>[] = [
      { intent: "remove-group" },
      { intent: "remove-group", returnTo: "/afrekenen" },
      { intent: "remove", lineId: "line_1" },
      { intent: "update", lineId: "line_1", quantity: "2" },
    ];
    for (let i = 0; i < 5; i++) {
      for (const fields of posts) {
        const answer = await send(fields, { ip });
        expect(answer.status).toBe(303);
        expect(answer.headers.get("Set-Cookie")).toMatch(/Max-Age=60(;|$)/);
      }
    }
    const lifetimes = storedLifetimes(before);
    expect(lifetimes).toHaveLength(20); // one a post: none is a 30-day record

    expect(Math.max(...lifetimes)).toBeLessThanOrEqual(60_000);
  });

  it("a visitor whose post makes a cart (a group chosen) still gets the 30-day session", async () => {
    stubBackend((request) => {
      if (request.path === "/store/regions") return { body: { regions: [REGION], count: 1, offset: 0, limit: 100 } };
      if (request.path === "/store/carts") return { body: { cart: { id: "cart_g" } } };
      if (request.path === "/store/carts/cart_g/group") return { body: { cart: { id: "cart_g" }, group: { id: "g1", slug: "lindelaan", name: "Lindelaan" } } };
      return { status: 404, body: { type: "not_found", message: "?" } };
    });
    const answer = await send({ intent: "set-group", group: "lindelaan" }, { ip: freshAddress() });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Set-Cookie")).toMatch(/Max-Age=2592000(;|$)/);
  });

  describe("with a budget of 3 posts a minute per address", () => {
    beforeAll(() => {
      process.env.CART_CHANGE_LIMIT_PER_ADDRESS = "3";
      config.rereadConfig();
    });
    afterAll(() => {
      delete process.env.CART_CHANGE_LIMIT_PER_ADDRESS;
      config.rereadConfig();
    });

    it("the fourth post from one address is a 429 with Retry-After in Dutch (JSON and page), storing nothing; another address goes on", async () => {
      const { seen } = backend();
      const ip = freshAddress();
      for (let i = 0; i < 3; i++) expect((await send({ intent: "remove-group" }, { ip })).status).toBe(303);
      const before = sessionFiles();
      const calls = cartCalls(seen).length;

      const json = await send({ intent: "add", variantId: "variant_ok", quantity: "1", addKey: KEY() }, { json: true, ip });
      expect(json.status).toBe(429);
      expect(Number(json.headers.get("Retry-After"))).toBeGreaterThan(0);
      const body = (await json.json()) as { ok: boolean; message: string; retry: boolean };
      expect(body).toMatchObject({ ok: false, retry: true });
      expect(body.message).toMatch(/^Te veel wijzigingen van je winkelmand achter elkaar\. Probeer het over 1 minuut opnieuw\.$/);
      expect(json.headers.get("Set-Cookie")).toBeNull();

      const page = await send({ intent: "remove-group" }, { ip });
      expect(page.status).toBe(429);
      expect(page.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain("Te veel wijzigingen van je winkelmand achter elkaar");
      expect(page.headers.get("Set-Cookie")).toBeNull();

      // the old add address shares the budget
      expect((await send({ variantId: "variant_ok", quantity: "1", addKey: KEY() }, { json: true, ip, action: oldAddRoute.action, url: "http://shop.test/winkelmand/toevoegen" })).status).toBe(429);
      expect(storedLifetimes(before)).toHaveLength(0);
      expect(cartCalls(seen)).toHaveLength(calls);

      expect((await send({ intent: "remove-group" }, { ip: freshAddress() })).status).toBe(303);
    });

    it("an IPv6 visitor counts as its /64, and every loopback address is one visitor", async () => {
      backend();
      const statuses = async (ips: string[]) => {
        const out: number[] = [];
        for (const ip of ips) out.push((await send({ intent: "remove-group" }, { ip })).status);
        return out;
      };
      expect(await statuses(["2001:db8:7:1::1", "2001:db8:7:1::2", "2001:db8:7:1:ffff::9", "2001:db8:7:1::a", "2001:db8:7:2::1"])).toEqual([303, 303, 303, 429, 303]);
      expect(await statuses(["127.0.0.1", "::1", "127.0.0.2", "::ffff:127.0.0.1"])).toEqual([303, 303, 303, 429]);
    });
  });
});
