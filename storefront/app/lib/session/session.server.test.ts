import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileSessionStore, isSessionId, newSessionId, redisSessionStore, type SessionStore } from "./session-store.server";

// Sessions on the server, through the real stores: files in a temporary directory, and Redis
// when REDIS_URL is set (as in the e2e run; the e2e suite signs in and out through it).
const dir = mkdtempSync(path.join(tmpdir(), "bp-sessions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A JWT as Medusa issues them (only the payload matters to the storefront). */
function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part(payload)}.c2lnbmF0dXJl`;
}
const admin = jwt({ actor_id: "cus_1", actor_type: "customer", auth_identity_id: "authid_1" });
const otherAdmin = jwt({ actor_id: "cus_2", actor_type: "customer", auth_identity_id: "authid_2" });
const author = jwt({ actor_id: "na_1", actor_type: "notice_author", auth_identity_id: "authid_3" });

const stores: [string, () => SessionStore][] = [["files", () => fileSessionStore(dir)]];
if (process.env.REDIS_URL) stores.push(["redis", () => redisSessionStore(process.env.REDIS_URL!)]);

describe.each(stores)("session store (%s)", (_name, make) => {
  const store = make();
  afterAll(() => store.close());
  const soon = () => new Date(Date.now() + 60_000);

  it("claims a key once; later claims see it pending, then its outcome; a released key can be claimed again", async () => {
    const key = `add:${newSessionId()}:k1`;
    const all = await Promise.all(Array.from({ length: 5 }, () => store.claim(key, 5_000)));
    expect(all.filter((c) => c.state === "claimed")).toHaveLength(1);
    expect(all.filter((c) => c.state === "pending")).toHaveLength(4);
    await store.settle(key, { ok: true, count: 2 }, 60_000);
    expect(await store.claim(key, 5_000)).toEqual({ state: "done", outcome: { ok: true, count: 2 } });
    const other = `add:${newSessionId()}:k2`;
    expect(await store.claim(other, 5_000)).toEqual({ state: "claimed" });
    await store.release(other);
    expect(await store.claim(other, 5_000)).toEqual({ state: "claimed" });
  });

  it("lets a claim go when its holder died (pending past its time)", async () => {
    const key = `cart:${newSessionId()}`;
    expect(await store.claim(key, 300)).toEqual({ state: "claimed" });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await store.claim(key, 300)).toEqual({ state: "claimed" });
  });

  it("writes, reads and removes a session by id", async () => {
    const id = newSessionId();
    expect(isSessionId(id)).toBe(true);
    expect(await store.read(id)).toBeNull();
    await store.write(id, { cartId: "cart_1" }, soon());
    expect(await store.read(id)).toEqual({ cartId: "cart_1" });
    await store.remove(id);
    expect(await store.read(id)).toBeNull();
  });

  it("forgets a session once it expired", async () => {
    const id = newSessionId();
    await store.write(id, { cartId: "cart_2" }, new Date(Date.now() + 1000));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await store.read(id)).toBeNull();
  });

  it("hands out the sessions linked to a login once", async () => {
    const [a, b] = [newSessionId(), newSessionId()];
    const login = `customer:authid_${Date.now()}`;
    await store.link(login, a, soon());
    await store.link(login, b, soon());
    expect((await store.takeLinked(login)).sort()).toEqual([a, b].sort());
    expect(await store.takeLinked(login)).toEqual([]);
  });
});

describe("session.server", () => {
  let session: typeof import("./session.server");
  beforeAll(async () => {
    delete process.env.REDIS_URL; // this part uses the file store
    process.env.SESSION_DIR = dir;
    const { rereadConfig } = await import("../config.server");
    rereadConfig();
    session = await import("./session.server");
  });

  const requestWith = (setCookie: string | null) =>
    new Request("http://shop.test/", { headers: setCookie ? { Cookie: setCookie.split(";")[0]! } : {} });

  /** A browser signed in as `token` (customer or notice account) with a cart. */
  async function signedIn(key: "customerToken" | "noticeAuthorToken", token: string, cartId = "cart_x") {
    const s = await session.getSession(requestWith(null));
    s.set("cartId", cartId);
    s.set(key, token);
    return requestWith(await s.commit());
  }

  it("the cookie holds a signed id only, never the token", async () => {
    const browser = await signedIn("customerToken", admin);
    const cookie = decodeURIComponent(browser.headers.get("Cookie")!.replace(/^__bp=/, ""));
    const stored = Buffer.from(cookie.slice(0, cookie.lastIndexOf(".")), "base64").toString("utf8");
    expect(isSessionId(JSON.parse(stored))).toBe(true);
    expect(cookie).not.toContain(admin.split(".")[1]!);
    expect((await session.getSession(browser)).get("customerToken")).toBe(admin);
    // one file per session, each readable only by the server's user
    expect(readdirSync(dir).filter((f) => f.endsWith(".json")).length).toBeGreaterThan(0);
  });

  it("an empty session is only a signed id: nothing is stored until it holds something, then under that id", async () => {
    const files = () => readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
    const before = files();
    const empty = await session.getSession(requestWith(null));
    // nothing asked for: no cookie at all
    expect(await empty.commit()).toBeNull();
    // a product page hands out the (empty) identity: a cookie, nothing stored
    empty.handOutIdentity();
    const browser = requestWith(await empty.commit());
    expect(files()).toEqual(before);
    const fresh = await session.getSession(browser);
    const id = session.sessionIdOf(fresh);
    expect(isSessionId(id)).toBe(true);
    fresh.set("cartId", "cart_lazy");
    await fresh.commit();
    expect(files()).toEqual([...before, `${id}.json`].sort());
    expect((await session.getSession(browser)).get("cartId")).toBe("cart_lazy");
  });

  it("a forged or tampered cookie reads as a fresh session", async () => {
    const browser = await signedIn("customerToken", admin);
    const cookie = browser.headers.get("Cookie")!;
    const tampered = new Request("http://shop.test/", { headers: { Cookie: cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A")) } });
    expect((await session.getSession(tampered)).get("customerToken")).toBeUndefined();
  });

  it("signing out deletes the session: the old cookie signs nobody in; the cart and the other account stay", async () => {
    const browser = await signedIn("customerToken", admin, "cart_keep");
    const both = await session.getSession(browser);
    both.set("noticeAuthorToken", author);
    const before = requestWith(await both.commit());

    const current = await session.getSession(before);
    const answer = await session.signOut(current, "customerToken", "/");
    expect(answer.status).toBe(303);
    const after = requestWith(await current.commit());
    const kept = await session.getSession(after);
    expect([kept.get("customerToken"), kept.get("noticeAuthorToken"), kept.get("cartId")]).toEqual([undefined, author, "cart_keep"]);
    // a copy of the cookie from before signing out
    const copy = await session.getSession(before);
    expect([copy.get("customerToken"), copy.get("noticeAuthorToken"), copy.get("cartId")]).toEqual([undefined, undefined, undefined]);
  });

  it("a new password ends the login's other sessions (token gone, cart kept), not other logins' or its own", async () => {
    const laptop = await signedIn("customerToken", admin, "cart_laptop");
    const phone = await signedIn("customerToken", admin, "cart_phone");
    const colleague = await signedIn("customerToken", otherAdmin);
    const wijkagent = await signedIn("noticeAuthorToken", author);
    const current = await session.getSession(await signedIn("customerToken", admin));

    await session.endOtherSessions(admin, current);

    for (const [browser, cart] of [[laptop, "cart_laptop"], [phone, "cart_phone"]] as const) {
      const s = await session.getSession(browser);
      expect([s.get("customerToken"), s.get("cartId")]).toEqual([undefined, cart]);
    }
    expect((await session.getSession(colleague)).get("customerToken")).toBe(otherAdmin);
    expect((await session.getSession(wijkagent)).get("noticeAuthorToken")).toBe(author);
    expect(current.get("customerToken")).toBe(admin);
  });

  describe("one request, one commit (RequestSession)", () => {
    it("a request that changes nothing writes nothing and sends no cookie", async () => {
      const browser = await signedIn("customerToken", admin, "cart_same");
      const s = await session.getSession(browser);
      s.get("cartId");
      s.set("cartId", "cart_same"); // the same value again is no change
      expect(await s.commit()).toBeNull();
    });

    it("writes back only the keys it changed, onto the session as stored now (a concurrent add is kept)", async () => {
      const browser = await signedIn("customerToken", admin, "cart_1");
      const slow = await session.getSession(browser); // e.g. a cart page loaded while an add runs
      const add = await session.getSession(browser);
      add.set("cartCount", 3);
      add.set("cartLines", { variant_a: 3 });
      expect(await add.commit()).toMatch(/^__bp=/);
      slow.flash("notice", { kind: "info", message: "Aantal bijgewerkt." });
      await slow.commit();
      const now = await session.getSession(browser);
      expect([now.get("cartCount"), now.get("cartLines"), now.get("customerToken")]).toEqual([3, { variant_a: 3 }, admin]);
      expect(now.get("notice")).toEqual({ kind: "info", message: "Aantal bijgewerkt." });
      // reading the flash notice consumed it: that is a change, written back
      expect(await now.commit()).toMatch(/^__bp=/);
      expect((await session.getSession(browser)).get("notice")).toBeUndefined();
    });

    it("save() stores the changes before the answer; the commit then has nothing left to write", async () => {
      const browser = await signedIn("customerToken", admin, "cart_s");
      const s = await session.getSession(browser);
      s.set("cartCount", 7);
      await s.save();
      expect((await s.latest()).get("cartCount")).toBe(7);
      expect(await s.commit()).toBeNull();
    });

    it("renew() moves the data to a new id; discard() writes nothing; commitWith() sets the cookie's lifetime", async () => {
      const browser = await signedIn("customerToken", admin, "cart_r");
      const s = await session.getSession(browser);
      await s.renew();
      const renewed = requestWith(await s.commit());
      expect((await session.getSession(renewed)).get("cartId")).toBe("cart_r");
      expect((await session.getSession(browser)).get("cartId")).toBeUndefined();

      const refused = await session.getSession(requestWith(null));
      refused.set("cartId", "cart_orphan");
      refused.discard();
      expect(await refused.commit()).toBeNull();

      const short = await session.getSession(requestWith(null));
      short.flash("notice", { kind: "error", message: "Nee." });
      short.commitWith({ maxAge: 60 });
      expect(await short.commit()).toMatch(/Max-Age=60(;|$)/);
    });
  });

  it("reads the login of a Medusa token, and nothing from garbage", () => {
    expect(session.loginOf(admin)).toBe("customer:authid_1");
    expect(session.loginOf(author)).toBe("notice_author:authid_3");
    for (const bad of ["", "a.b.c", "x", 12, null, jwt({ actor_type: "customer" })]) expect(session.loginOf(bad)).toBeNull();
  });
});
