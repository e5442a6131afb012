import { FetchError } from "@medusajs/js-sdk";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Replace the real SDK client (which reads the environment) with a stub.
const fetchMock = vi.fn();
vi.mock("./medusa.server", () => ({ sdk: { client: { fetch: fetchMock } } }));
vi.mock("./session.server", () => ({ countryOf: () => "nl", getSession: vi.fn(), commitSession: vi.fn() }));

const { clearInvoiceDetails, getOrderInvoice, startInvoicePayment, toOrderInvoice } = await import("./checkout.server");

// A block body: a function returned from beforeEach would run as a cleanup hook.
beforeEach(() => {
  fetchMock.mockReset();
});

describe("payment on invoice", () => {
  it("posts the organisation data to the backend's invoice route", async () => {
    fetchMock.mockResolvedValue({ cart: { id: "cart_1" } });
    await startInvoicePayment("cart_1", { organisation: "Gemeente Utrecht", kvk_number: "30203410" });
    expect(fetchMock).toHaveBeenCalledWith("/store/invoice/carts/cart_1", {
      method: "POST",
      body: { organisation: "Gemeente Utrecht", kvk_number: "30203410" },
    });
  });

  it("turns the backend's refusal into a CartError with its Dutch message", async () => {
    fetchMock.mockImplementation(async () => {
      throw new FetchError("Betalen op factuur is in dit land niet mogelijk.", "Bad Request", 400);
    });
    const error = await startInvoicePayment("cart_1", { organisation: "X", kvk_number: "12345678" }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("CartError");
    expect((error as Error).message).toBe("Betalen op factuur is in dit land niet mogelijk.");
  });

  it("removes the organisation data when another way to pay is chosen", async () => {
    fetchMock.mockResolvedValue({ cart: { id: "cart_1", invoice: null } });
    await clearInvoiceDetails("cart_1");
    expect(fetchMock).toHaveBeenCalledWith("/store/invoice/carts/cart_1", { method: "DELETE" });
  });

  it("reads whether an order awaits approval, for the confirmation page", async () => {
    fetchMock.mockResolvedValue({ invoice: { organisation: "Gemeente Utrecht", invoice_email: null, status: "awaiting_approval" } });
    expect(await getOrderInvoice("order_1")).toEqual({ organisation: "Gemeente Utrecht", invoiceEmail: null, awaitingApproval: true });
    expect(fetchMock).toHaveBeenCalledWith("/store/invoice/orders/order_1");
    expect(toOrderInvoice(null)).toBeNull();
    expect(toOrderInvoice({ organisation: "X", invoice_email: "f@x.nl", status: "approved" })).toEqual({
      organisation: "X",
      invoiceEmail: "f@x.nl",
      awaitingApproval: false,
    });
  });
});
