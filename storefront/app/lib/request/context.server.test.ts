import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "bp-context-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let context: typeof import("./context.server");
beforeAll(async () => {
  delete process.env.REDIS_URL;
  process.env.SESSION_DIR = dir;
  const { rereadConfig } = await import("../config.server");
  rereadConfig();
  context = await import("./context.server");
});

const page = (cookie?: string) => new Request("http://shop.test/", { headers: cookie ? { Cookie: cookie } : {} });

describe("the request context", () => {
  it("gives the session, the visitor's cart and country, and the client's address", async () => {
    const ctx = await context.createRequestContext(page(), "203.0.113.9");
    expect([ctx.cart.id, ctx.cart.count, ctx.cart.lines, ctx.country, ctx.clientIp]).toEqual([undefined, 0, {}, "nl", "203.0.113.9"]);
    ctx.session.set("cartCount", 2);
    ctx.session.set("country", "be");
    expect([ctx.cart.count, ctx.country]).toEqual([2, "be"]);
  });

  it("adds the session's one Set-Cookie to the answer, redirects included, only when it changed", async () => {
    const ctx = await context.createRequestContext(page());
    ctx.session.flash("notice", { kind: "info", message: "Je bent ingelogd." });
    const redirect = await context.commitRequestContext(ctx, new Response(null, { status: 303, headers: { Location: "/" } }));
    const cookie = redirect.headers.get("Set-Cookie");
    expect(cookie).toMatch(/^__bp=.*HttpOnly/);

    const next = await context.createRequestContext(page(cookie!.split(";")[0]));
    expect(next.session.get("notice")).toEqual({ kind: "info", message: "Je bent ingelogd." });
    expect((await context.commitRequestContext(next, new Response("ok"))).headers.get("Set-Cookie")).toMatch(/^__bp=/);

    const quiet = await context.createRequestContext(page(cookie!.split(";")[0]));
    expect((await context.commitRequestContext(quiet, new Response("ok"))).headers.get("Set-Cookie")).toBeNull();
  });

  it("a visitor without a session who changes nothing gets no cookie (lazy sessions, micro-cache)", async () => {
    const ctx = await context.createRequestContext(page());
    ctx.session.get("cartId");
    expect((await context.commitRequestContext(ctx, new Response("ok"))).headers.get("Set-Cookie")).toBeNull();
  });

  it("an answer with immutable headers gets the cookie on a copy", async () => {
    const ctx = await context.createRequestContext(page());
    ctx.session.set("country", "be");
    const immutable = Response.redirect("http://shop.test/winkelmand", 303);
    const answer = await context.commitRequestContext(ctx, immutable);
    expect([answer.status, answer.headers.get("Location"), Boolean(answer.headers.get("Set-Cookie"))]).toEqual([303, "http://shop.test/winkelmand", true]);
  });

  it("a visitor with a session never gets an answer a shared cache may keep (the walk: public, max-age=60 with 'Mijn groep' in it)", async () => {
    const publicPage = () => new Response("page", { headers: { "Cache-Control": "public, max-age=60, s-maxage=300, stale-while-revalidate=600" } });
    // anonymous: unchanged
    const anonymous = await context.createRequestContext(page());
    expect((await context.commitRequestContext(anonymous, publicPage())).headers.get("Cache-Control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    // a session made by this very request
    const first = await context.createRequestContext(page());
    first.session.set("cartCount", 1);
    const answer = await context.commitRequestContext(first, publicPage());
    expect(answer.headers.get("Cache-Control")).toBe("private, max-age=60");
    // a stored session, nothing changed
    const again = await context.createRequestContext(page(answer.headers.get("Set-Cookie")!.split(";")[0]));
    const second = await context.commitRequestContext(again, publicPage());
    expect([second.headers.get("Cache-Control"), second.headers.get("Set-Cookie")]).toEqual(["private, max-age=60", null]);
    // no-store stays no-store
    const noStore = await context.commitRequestContext(again, new Response("x", { headers: { "Cache-Control": "private, no-store" } }));
    expect(noStore.headers.get("Cache-Control")).toBe("private, no-store");
  });
});
