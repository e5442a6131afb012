import { FetchError } from "@medusajs/js-sdk";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Real error mapping, stubbed SDK client (the real one reads the environment).
const completeMock = vi.fn();
vi.mock("./medusa.server", () => ({ sdk: { client: { fetch: vi.fn() }, store: { cart: { complete: completeMock } } } }));
vi.mock("./session.server", () => ({ countryOf: () => "nl", getSession: vi.fn(), commitSession: vi.fn() }));

const { BUSY_MESSAGE, SOLD_OUT_MESSAGE, cartErrorMessage } = await import("./cart.server");
const { completeCart } = await import("./checkout.server");

beforeEach(() => {
  completeMock.mockReset();
});

describe("stock errors for packages and their parts", () => {
  // [what the case shows, backend message, HTTP status, what the shopper reads (null: the error page)]
  it.each([
    ["the backend's Dutch stock answer, as it is", "Er zijn er nog maar 5 op voorraad", 400, "Er zijn er nog maar 5 op voorraad"],
    ["busy (409): try again", "The request conflicted with another request.", 409, BUSY_MESSAGE],
    [
      "never Medusa's own English refusal: the general Dutch message",
      "Some variant does not have the required inventory",
      400,
      "Dit lukte niet. Controleer je keuze en probeer het opnieuw.",
    ],
    ["none left to add: sold out", "Er zijn er nog maar 0 op voorraad.", 400, SOLD_OUT_MESSAGE],
    ["an unknown variant: no longer available", "Variants with IDs variant_x do not exist", 404, "Dit product is niet (meer) beschikbaar."],
    ["a server failure: left to the error page", "boom", 500, null],
  ])("a refused cart change shows %s", (_what, message, status, shown) => {
    expect(cartErrorMessage(new FetchError(message, "", status))).toBe(shown);
  });

  it("a completion refused for stock shows which product and how many are left", async () => {
    const message = "Er zijn er nog maar 3 op voorraad van Buurtpakket (Buurt). Pas het aantal in je winkelmand aan.";
    completeMock.mockRejectedValue(new FetchError(message, "Bad Request", 400));
    const session = { get: vi.fn(), set: vi.fn(), unset: vi.fn() };
    const error = await completeCart(session as never, "cart_1").catch((e: unknown) => e);
    expect((error as Error).name).toBe("CartError");
    expect((error as Error).message).toBe(message);
  });
});
