import { FetchError } from "@medusajs/js-sdk";
import { createSession } from "@remix-run/node";
import { beforeEach, describe, expect, it, vi } from "vitest";

const clientFetch = vi.fn();
const cartCreate = vi.fn();
vi.mock("./medusa.server", () => ({ sdk: { client: { fetch: clientFetch }, store: { cart: { create: cartCreate } } } }));
vi.mock("./session.server", () => ({ countryOf: () => "nl" }));
vi.mock("./catalogue.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./catalogue.server")>()),
  getRegion: vi.fn(async () => ({ id: "reg_nl" })),
}));

const { CartError, cartGroupOf, removeCartGroup, setCartGroup, toCartView } = await import("./cart.server");

const session = (data: Record<string, unknown> = {}) => createSession(data) as never;
const GROUP = { id: "nbgrp_1", slug: "lindelaan", name: "Buurtpreventie Lindelaan" };

beforeEach(() => {
  clientFetch.mockReset();
  cartCreate.mockReset();
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
    cartCreate.mockResolvedValue({ cart: { id: "cart_new" } });
    clientFetch.mockResolvedValue({ cart: { id: "cart_new" }, group: GROUP });
    const s = session();
    expect(await setCartGroup(s, "lindelaan")).toEqual({ slug: "lindelaan", name: GROUP.name });
    expect(cartCreate).toHaveBeenCalledWith({ region_id: "reg_nl" }, { fields: "id" });
    expect(clientFetch).toHaveBeenCalledWith("/store/carts/cart_new/group", { method: "POST", body: { slug: "lindelaan" } });
    expect((s as { get(k: string): unknown }).get("cartId")).toBe("cart_new");
  });

  it("turns the backend's refusal into a CartError with its Dutch message", async () => {
    const message = "Deze buurtgroep bestaat niet of is (nog) niet goedgekeurd. Je kunt alleen bestellen voor goedgekeurde buurtgroepen.";
    clientFetch.mockRejectedValue(new FetchError(message, "Not Found", 404));
    const error = await setCartGroup(session({ cartId: "cart_1" }), "wachtlaan").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CartError);
    expect((error as Error).message).toBe(message);
    expect(clientFetch).toHaveBeenCalledTimes(1);
  });

  it("starts a new cart once when the cookie's cart was checked out", async () => {
    cartCreate.mockResolvedValue({ cart: { id: "cart_fresh" } });
    clientFetch
      .mockRejectedValueOnce(new FetchError("Deze winkelmand is al afgerekend.", "Bad Request", 400))
      .mockResolvedValueOnce({ cart: { id: "cart_fresh" }, group: GROUP });
    const s = session({ cartId: "cart_old" });
    await setCartGroup(s, "lindelaan");
    expect(clientFetch).toHaveBeenLastCalledWith("/store/carts/cart_fresh/group", { method: "POST", body: { slug: "lindelaan" } });
    expect((s as { get(k: string): unknown }).get("cartId")).toBe("cart_fresh");
  });
});

describe("removeCartGroup", () => {
  it("deletes the group of the cart, and does nothing without a cart", async () => {
    clientFetch.mockResolvedValue({ cart: { id: "cart_1" }, group: null });
    await removeCartGroup(session({ cartId: "cart_1" }));
    expect(clientFetch).toHaveBeenCalledWith("/store/carts/cart_1/group", { method: "DELETE" });
    clientFetch.mockReset();
    await removeCartGroup(session());
    expect(clientFetch).not.toHaveBeenCalled();
  });
});
