import { beforeEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";

vi.mock("../session/session.server", () => ({ countryOf: () => "nl", getSession: vi.fn(), commitSession: vi.fn() }));

const { BackendError } = await import("../backend/backend.server");
const { BUSY_MESSAGE, cartErrorMessage, isGoneCart } = await import("./cart.server");
const { completeCart, NOT_COMPLETED_MESSAGE, PAYMENT_FAILED_MESSAGE } = await import("../checkout/checkout.server");

const refusal = (status: number, message: string, code: string | null = null) => new BackendError(status, message, null, {}, null, code);
const session = () => ({ get: vi.fn(), set: vi.fn(), unset: vi.fn() }) as never;

beforeEach(() => {
  vi.unstubAllGlobals();
});

describe("refused cart changes, told apart by status and code only", () => {
  // [what the case shows, backend answer, what the shopper reads (null: the error page)]
  it.each([
    ["the backend's Dutch stock answer, as it is", refusal(400, "Er zijn er nog maar 5 op voorraad.", "insufficient_inventory"), "Er zijn er nog maar 5 op voorraad."],
    ["sold out, in the backend's words", refusal(400, "Deze uitvoering is uitverkocht.", "insufficient_inventory"), "Deze uitvoering is uitverkocht."],
    ["busy (409): try again", refusal(409, "The request conflicted with another request."), BUSY_MESSAGE],
    [
      "never Medusa's own English text: a 400 without the stock code gets the general Dutch message",
      refusal(400, "Er zijn er nog maar 5 op voorraad."),
      "Dit lukte niet. Controleer je keuze en probeer het opnieuw.",
    ],
    ["an unknown variant: no longer available", refusal(404, "Variants with IDs variant_x do not exist"), "Dit product is niet (meer) beschikbaar."],
    ["a server failure: left to the error page", refusal(500, "boom"), null],
    ["not a backend answer at all: left alone", new Error("bug"), null],
  ])("a refused cart change shows %s", (_what, error, shown) => {
    expect(cartErrorMessage(error)).toBe(shown);
  });

  it("a cart is gone only when the backend says so by code, whatever the message", () => {
    expect(isGoneCart(refusal(404, "Deze winkelmand bestaat niet (meer).", "cart_not_found"))).toBe(true);
    expect(isGoneCart(refusal(400, "Deze winkelmand is al afgerekend.", "cart_completed"))).toBe(true);
    expect(isGoneCart(refusal(404, "Cart cart_1 was not found"))).toBe(false);
    expect(isGoneCart(refusal(400, "Cart cart_1 is already completed."))).toBe(false);
  });
});

describe("completing the cart", () => {
  it("a completion refused for stock shows which product and how many are left", async () => {
    const message = "Er zijn er nog maar 3 op voorraad van Buurtpakket (Buurt). Pas het aantal in je winkelmand aan.";
    const seen = stubBackend(() => ({ status: 400, body: { type: "not_allowed", code: "insufficient_inventory", message } }));
    const error = await completeCart(session(), "cart_1").catch((e: unknown) => e);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /store/carts/cart_1/complete"]);
    expect((error as Error).name).toBe("CartError");
    expect((error as Error).message).toBe(message);
  });

  it("any other refusal gets the general Dutch message, never the backend's English", async () => {
    stubBackend(() => ({ status: 400, body: { type: "invalid_data", message: "Payment sessions are required to complete cart" } }));
    const error = await completeCart(session(), "cart_1").catch((e: unknown) => e);
    expect((error as Error).message).toBe(NOT_COMPLETED_MESSAGE);
  });

  it("a payment the provider refused (Medusa answers 200 with the cart) says so", async () => {
    stubBackend(() => ({ body: { type: "cart", cart: { id: "cart_1" }, error: { type: "payment_authorization_error", message: "declined" } } }));
    const error = await completeCart(session(), "cart_1").catch((e: unknown) => e);
    expect((error as Error).message).toBe(PAYMENT_FAILED_MESSAGE);
  });

  it("a server failure is not a shopper's problem: it stays a backend failure", async () => {
    stubBackend(() => ({ status: 500, body: { type: "unknown_error", message: "An unknown error occurred." } }));
    const error = await completeCart(session(), "cart_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
  });
});
