import { createSession } from "@remix-run/node";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";

vi.mock("../session/session.server", () => ({ countryOf: () => "nl", sessionIdOf: () => "sess_1" }));

const { cartAction } = await import("./cart-action.server");

/** The cart action as the cart page's line forms post it, with a session holding cart_1. */
async function post(fields: Record<string, string>) {
  const session = Object.assign(createSession<Record<string, unknown>>({ cartId: "cart_1" }), { commitWith: vi.fn(), discard: vi.fn() });
  const request = new Request("http://shop.test/winkelmand/wijzigen", { method: "POST", body: new URLSearchParams(fields) });
  const response = await cartAction({ request, context: { session } as never });
  return { response: response as Response, notice: session.get("notice") as Record<string, unknown> };
}

beforeEach(() => {
  vi.unstubAllGlobals();
});

describe("cart line notices: which line an answer belongs to (the cart page shows it there)", () => {
  it("a quantity the backend refuses names its line and keeps what was typed", async () => {
    stubBackend(() => ({ status: 400, body: { type: "not_allowed", code: "insufficient_inventory", message: "Er zijn er nog maar 120 op voorraad." } }));
    const { response, notice } = await post({ intent: "update", lineId: "cali_2", quantity: "999" });
    expect(response.headers.get("Location")).toBe("/winkelmand");
    expect(notice).toEqual({ kind: "error", message: "Er zijn er nog maar 120 op voorraad.", line: { id: "cali_2", typed: "999" } });
  });

  // the messages themselves are validation.ts's (quantitySchema); here: that they reach the line
  it.each([
    ["0", /Het aantal moet minstens 1 zijn\./],
    ["", /aantal/],
    ["abc", /aantal/],
  ])("a quantity the storefront refuses (%j) names its line, in Dutch, without asking the backend", async (typed, message) => {
    const seen = stubBackend(() => ({ status: 500 }));
    const { notice } = await post({ intent: "update", lineId: "cali_2", quantity: typed });
    expect(seen).toHaveLength(0);
    expect(notice).toMatchObject({ kind: "error", line: { id: "cali_2", typed } });
    expect(String(notice.message)).toMatch(message);
  });

  it("an update names its line (the page keeps the focus there)", async () => {
    stubBackend(() => ({ body: { cart: { id: "cart_1", items: [{ quantity: 3, variant_id: "v1" }] } } }));
    const { notice } = await post({ intent: "update", lineId: "cali_2", quantity: "3" });
    expect(notice).toEqual({ kind: "info", message: "Aantal bijgewerkt.", line: { id: "cali_2" } });
  });

  it("a removal names the product and variant removed, and its notice takes the focus", async () => {
    const seen = stubBackend((r) =>
      r.method === "GET"
        ? { body: { cart: { id: "cart_1", items: [{ id: "cali_1", product_title: "Straatbord", variant_title: "30 cm" }, { id: "cali_2", product_title: "Straatbord", variant_title: "60 cm" }] } } }
        : { body: { id: "cali_2", deleted: true, parent: { id: "cart_1", items: [] } } },
    );
    const { notice } = await post({ intent: "remove", lineId: "cali_2" });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /store/carts/cart_1", "DELETE /store/carts/cart_1/line-items/cali_2"]);
    expect(notice).toEqual({ kind: "info", message: "Straatbord (60 cm) is verwijderd uit je winkelmand.", focus: true });
  });

  it("a removal whose product cannot be read still removes, with the plain notice", async () => {
    const seen = stubBackend((r) => (r.method === "GET" ? { status: 503 } : { body: { id: "cali_2", deleted: true } }));
    const { notice } = await post({ intent: "remove", lineId: "cali_2" });
    expect(seen.map((r) => r.method)).toEqual(["GET", "DELETE"]);
    expect(notice).toEqual({ kind: "info", message: "Product verwijderd uit je winkelmand.", focus: true });
  });
});
