import { FetchError } from "@medusajs/js-sdk";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Real error mapping, stubbed SDK client (the real one reads the environment).
const completeMock = vi.fn();
vi.mock("./medusa.server", () => ({ sdk: { client: { fetch: vi.fn() }, store: { cart: { complete: completeMock } } } }));
vi.mock("./session.server", () => ({ countryOf: () => "nl", getSession: vi.fn(), commitSession: vi.fn() }));

const { BUSY_MESSAGE, cartErrorMessage } = await import("./cart.server");
const { completeCart } = await import("./checkout.server");

beforeEach(() => {
  completeMock.mockReset();
});

describe("stock errors for packages and their parts", () => {
  it("shows the backend's Dutch stock answer for a cart change as it is", () => {
    const error = new FetchError("Er zijn er nog maar 5 op voorraad", "Bad Request", 400);
    expect(cartErrorMessage(error)).toBe("Er zijn er nog maar 5 op voorraad");
  });

  it("asks to try again when the backend answered 409 (busy)", () => {
    const error = new FetchError("The request conflicted with another request.", "Conflict", 409);
    expect(cartErrorMessage(error)).toBe(BUSY_MESSAGE);
  });

  it("keeps the general message for Medusa's own English stock errors", () => {
    const error = new FetchError("Some variant does not have the required inventory", "Bad Request", 400);
    expect(cartErrorMessage(error)).toBe("Er zijn niet genoeg stuks op voorraad voor dit aantal. Kies een kleiner aantal.");
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
