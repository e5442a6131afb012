import { FetchError } from "@medusajs/js-sdk";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Replace the real SDK client (which reads the environment) with a stub.
const fetchMock = vi.fn();
const completeMock = vi.fn();
vi.mock("./medusa.server", () => ({ sdk: { client: { fetch: fetchMock }, store: { cart: { complete: completeMock } } } }));
vi.mock("./session.server", () => ({ countryOf: () => "nl", getSession: vi.fn(), commitSession: vi.fn() }));

const {
  clearInvoiceDetails,
  CompletionInProgress,
  completeOrAwaitOrder,
  getOrderInvoice,
  readPaymentReturn,
  returnMatchesCart,
  startInvoicePayment,
  toOrderInvoice,
} = await import("./checkout.server");
const { toBackendFailure } = await import("./backend.server");

// A block body: a function returned from beforeEach would run as a cleanup hook.
beforeEach(() => {
  fetchMock.mockReset();
  completeMock.mockReset();
});

describe("payment on invoice", () => {
  it("posts what was typed to the backend's invoice route and passes its field errors on", async () => {
    const httpFetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(
      Response.json(
        { type: "invalid_data", message: "Een KvK-nummer bestaat uit 8 cijfers", errors: { kvk_number: "Een KvK-nummer bestaat uit 8 cijfers" } },
        { status: 400 },
      ),
    );
    try {
      const error = await startInvoicePayment("cart_1", { organisation: "Gemeente Utrecht", kvk_number: "3020" }).catch((e: unknown) => e);
      const [url, init] = httpFetch.mock.calls[0]!;
      expect(String(url)).toMatch(/\/store\/invoice\/carts\/cart_1$/);
      expect(init?.method).toBe("POST");
      expect(JSON.parse(String(init?.body))).toEqual({ organisation: "Gemeente Utrecht", kvk_number: "3020" });
      expect(toBackendFailure(error)).toMatchObject({ status: 400, fieldErrors: { kvk_number: "Een KvK-nummer bestaat uit 8 cijfers." } });
    } finally {
      httpFetch.mockRestore();
    }
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

describe("return from Stripe", () => {
  const params = (query: string) => new URLSearchParams(query);
  const secret = "pi_123_secret_abc";

  it("reads the PaymentIntent and its client secret, and refuses a secret of another intent", () => {
    expect(readPaymentReturn(params(`payment_intent=pi_123&payment_intent_client_secret=${secret}&redirect_status=succeeded`))).toEqual({
      paymentIntent: "pi_123",
      clientSecret: secret,
      redirectStatus: "succeeded",
    });
    expect(readPaymentReturn(params("payment_intent=pi_123&redirect_status=succeeded"))).toBeNull();
    expect(readPaymentReturn(params("payment_intent=pi_123&payment_intent_client_secret=pi_999_secret_x"))).toBeNull();
    expect(readPaymentReturn(params(""))).toBeNull();
  });

  it("matches only an online session of the cart holding exactly that intent and secret", () => {
    const payment = readPaymentReturn(params(`payment_intent=pi_123&payment_intent_client_secret=${secret}`))!;
    const ideal = { provider_id: "pp_stripe-ideal_stripe", data: { id: "pi_123", client_secret: secret } };
    expect(returnMatchesCart([ideal], payment)).toBe(true);
    expect(returnMatchesCart([{ ...ideal, data: { id: "pi_other", client_secret: "pi_other_secret_x" } }], payment)).toBe(false);
    expect(returnMatchesCart([{ ...ideal, data: { id: "pi_123", client_secret: "pi_123_secret_guessed" } }], payment)).toBe(false);
    expect(returnMatchesCart([{ provider_id: "pp_system_default", data: { id: "pi_123", client_secret: secret } }], payment)).toBe(false);
    expect(returnMatchesCart([], payment)).toBe(false);
  });

  const session = () => {
    const values = new Map<string, unknown>([["cartId", "cart_1"]]);
    return { get: (k: string) => values.get(k), set: (k: string, v: unknown) => values.set(k, v), unset: (k: string) => values.delete(k), values } as any;
  };
  const conflict = () => new FetchError("Cart is already being completed by another request", "Conflict", 409);

  it("waits while the webhook completes the same cart, then shows that one order", async () => {
    completeMock
      .mockRejectedValueOnce(conflict())
      .mockRejectedValueOnce(conflict())
      .mockResolvedValueOnce({ type: "order", order: { id: "order_1", display_id: 7 } });
    const sleeps: number[] = [];
    const s = session();
    const order = await completeOrAwaitOrder(s, "cart_1", { sleep: async (ms) => void sleeps.push(ms), intervalMs: 10 });
    expect(order).toEqual({ orderId: "order_1", displayId: 7 });
    expect(completeMock).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([10, 10]);
    expect(s.get("lastOrderId")).toBe("order_1");
  });

  it("gives up after the timeout with CompletionInProgress, never a payment error", async () => {
    completeMock.mockRejectedValue(conflict());
    const error = await completeOrAwaitOrder(session(), "cart_1", { timeoutMs: 30, intervalMs: 10, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompletionInProgress);
  });
});
