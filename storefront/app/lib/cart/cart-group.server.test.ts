import { createSession } from "@remix-run/node";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { stubBackend, type SeenRequest } from "~/test/backend-stub";

vi.mock("../session/session.server", () => ({ countryOf: () => "nl" }));
vi.mock("../catalogue/catalogue.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../catalogue/catalogue.server")>()),
  getRegion: vi.fn(async () => ({ id: "reg_nl" })),
}));

const { CartError, cartGroupOf, removeCartGroup, setCartGroup, toCartView } = await import("./cart.server");

const session = (data: Record<string, unknown> = {}) => createSession(data) as never;
const cartIdOf = (s: unknown) => (s as { get(k: string): unknown }).get("cartId");
const GROUP = { id: "nbgrp_1", slug: "lindelaan", name: "Buurtpreventie Lindelaan" };
const call = (r: SeenRequest) => `${r.method} ${r.path}`;

beforeEach(() => {
  vi.unstubAllGlobals();
});

describe("cartGroupOf", () => {
  it("reads the group from the cart metadata, only when complete", () => {
    expect(cartGroupOf({ group_id: "nbgrp_1", group_slug: "lindelaan", group_name: "Lindelaan", note: "x" })).toEqual({
      slug: "lindelaan",
      name: "Lindelaan",
    });
    expect(cartGroupOf(null)).toBeNull();
    expect(cartGroupOf({ group_slug: "lindelaan", group_name: "Lindelaan" })).toBeNull();
    expect(cartGroupOf({ group_id: "nbgrp_1", group_slug: "", group_name: "Lindelaan" })).toBeNull();
    expect(cartGroupOf({ group_id: "nbgrp_1", group_slug: 1, group_name: "Lindelaan" })).toBeNull();
    expect(toCartView({ id: "cart_1", items: [], metadata: { group_id: "g", group_slug: "s", group_name: "n" } } as never).group).toEqual({
      slug: "s",
      name: "n",
    });
    expect(toCartView({ id: "cart_1", items: [] } as never).group).toBeNull();
  });
});

describe("setCartGroup", () => {
  it("creates a cart when there is none and posts the slug", async () => {
    const seen = stubBackend((r) => (r.path === "/store/carts" ? { body: { cart: { id: "cart_new" } } } : { body: { cart: { id: "cart_new" }, group: GROUP } }));
    const s = session();
    expect(await setCartGroup(s, "lindelaan")).toEqual({ slug: "lindelaan", name: GROUP.name });
    expect(seen.map(call)).toEqual(["POST /store/carts", "POST /store/carts/cart_new/group"]);
    expect(seen[0]!.body).toEqual({ region_id: "reg_nl" });
    expect(seen[1]!.body).toEqual({ slug: "lindelaan" });
    expect(cartIdOf(s)).toBe("cart_new");
  });

  it("turns the backend's refusal into a CartError with its Dutch message", async () => {
    const message = "Deze buurtgroep bestaat niet of is (nog) niet goedgekeurd. Je kunt alleen bestellen voor goedgekeurde buurtgroepen.";
    const seen = stubBackend(() => ({ status: 404, body: { type: "not_found", message } }));
    const error = await setCartGroup(session({ cartId: "cart_1" }), "wachtlaan").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CartError);
    expect((error as Error).message).toBe(message);
    expect(seen).toHaveLength(1);
  });

  it("starts a new cart once when the backend says the cookie's cart was checked out", async () => {
    const seen = stubBackend((r) => {
      if (r.path === "/store/carts/cart_old/group") {
        return { status: 400, body: { type: "not_allowed", code: "cart_completed", message: "Deze winkelmand is al afgerekend." } };
      }
      return r.path === "/store/carts" ? { body: { cart: { id: "cart_fresh" } } } : { body: { cart: { id: "cart_fresh" }, group: GROUP } };
    });
    const s = session({ cartId: "cart_old" });
    await setCartGroup(s, "lindelaan");
    expect(seen.map(call)).toEqual(["POST /store/carts/cart_old/group", "POST /store/carts", "POST /store/carts/cart_fresh/group"]);
    expect(cartIdOf(s)).toBe("cart_fresh");
  });
});

describe("removeCartGroup", () => {
  it("deletes the group of the cart, and does nothing without a cart", async () => {
    const seen = stubBackend(() => ({ body: { cart: { id: "cart_1" }, group: null } }));
    await removeCartGroup(session({ cartId: "cart_1" }));
    await removeCartGroup(session());
    expect(seen.map(call)).toEqual(["DELETE /store/carts/cart_1/group"]);
  });

  it("forgets a cart the backend no longer knows", async () => {
    stubBackend(() => ({ status: 404, body: { type: "not_found", code: "cart_not_found", message: "Deze winkelmand bestaat niet (meer)." } }));
    const s = session({ cartId: "cart_gone" });
    await removeCartGroup(s);
    expect(cartIdOf(s)).toBeUndefined();
  });
});
