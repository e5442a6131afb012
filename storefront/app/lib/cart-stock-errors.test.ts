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
  it("shows the backend's Dutch stock answer for a cart change as it is", () => {
    const error = new FetchError("Er zijn er nog maar 5 op voorraad", "Bad Request", 400);
    expect(cartErrorMessage(error)).toBe("Er zijn er nog maar 5 op voorraad");
  });

  it("asks to try again when the backend answered 409 (busy)", () => {
    const error = new FetchError("The request conflicted with another request.", "Conflict", 409);
    expect(cartErrorMessage(error)).toBe(BUSY_MESSAGE);
  });

  it("never shows Medusa's own English refusals: a 400 gets the general Dutch message", () => {
    const error = new FetchError("Some variant does not have the required inventory", "Bad Request", 400);
    expect(cartErrorMessage(error)).toBe("Dit lukte niet. Controleer je keuze en probeer het opnieuw.");
  });

  it("says a variant is sold out when the backend has none left to add", () => {
    const error = new FetchError("Er zijn er nog maar 0 op voorraad.", "Bad Request", 400);
    expect(cartErrorMessage(error)).toBe(SOLD_OUT_MESSAGE);
  });

  it("an unknown variant is no longer available", () => {
    const error = new FetchError("Variants with IDs variant_x do not exist", "Not Found", 404);
    expect(cartErrorMessage(error)).toBe("Dit product is niet (meer) beschikbaar.");
  });

  it("leaves server failures to the error page", () => {
    expect(cartErrorMessage(new FetchError("boom", "Internal Server Error", 500))).toBeNull();
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
