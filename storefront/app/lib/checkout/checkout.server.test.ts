import { beforeEach, describe, expect, it, vi } from "vitest";
import { stubBackend, type SeenRequest } from "~/test/backend-stub";

vi.mock("../session/session.server", () => ({ countryOf: () => "nl", getSession: vi.fn(), commitSession: vi.fn() }));

const {
  clearInvoiceDetails,
  CompletionInProgress,
  completeOrAwaitOrder,
  getOrderInvoice,
  placeOrder,
  readPaymentReturn,
  returnMatchesCart,
  startInvoicePayment,
  toOrderInvoice,
} = await import("./checkout.server");
const { toBackendFailure } = await import("../backend/backend.server");
const { CartError } = await import("../cart/cart.server");

// A block body: a function returned from beforeEach would run as a cleanup hook.
beforeEach(() => {
  vi.unstubAllGlobals();
});

const call = (r: SeenRequest) => `${r.method} ${r.path}`;

describe("payment on invoice", () => {
  it("posts what was typed to the backend's invoice route and passes its field errors on", async () => {
    const message = "Een KvK-nummer bestaat uit 8 cijfers";
    const seen = stubBackend(() => ({ status: 400, body: { type: "invalid_data", message, errors: { kvk_number: message } } }));
    const error = await startInvoicePayment("cart_1", { organisation: "Gemeente Utrecht", kvk_number: "3020" }).catch((e: unknown) => e);
    expect(seen.map(call)).toEqual(["POST /store/invoice/carts/cart_1"]);
    expect(seen[0]!.body).toEqual({ organisation: "Gemeente Utrecht", kvk_number: "3020" });
    expect(toBackendFailure(error)).toMatchObject({ status: 400, fieldErrors: { kvk_number: `${message}.` } });
  });

  it("removes the organisation data when another way to pay is chosen", async () => {
    const seen = stubBackend(() => ({ body: { cart: { id: "cart_1", invoice: null } } }));
    await clearInvoiceDetails("cart_1");
    expect(seen.map(call)).toEqual(["DELETE /store/invoice/carts/cart_1"]);
  });

  it("reads whether an order awaits approval, for the confirmation page", async () => {
    const seen = stubBackend(() => ({ body: { invoice: { organisation: "Gemeente Utrecht", invoice_email: null, status: "awaiting_approval" } } }));
    expect(await getOrderInvoice("order_1")).toEqual({ organisation: "Gemeente Utrecht", invoiceEmail: null, awaitingApproval: true });
    expect(seen.map(call)).toEqual(["GET /store/invoice/orders/order_1"]);
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
  const conflict = { status: 409, body: { type: "conflict", code: "invalid_state_error", message: "The request conflicted with another request." } };

  it("waits while the webhook completes the same cart, then shows that one order", async () => {
    const answers = [conflict, conflict, { body: { type: "order", order: { id: "order_1", display_id: 7 } } }];
    const seen = stubBackend(() => answers.shift()!);
    const sleeps: number[] = [];
    const s = session();
    const order = await completeOrAwaitOrder(s, "cart_1", { sleep: async (ms) => void sleeps.push(ms), intervalMs: 10 });
    expect(order).toEqual({ orderId: "order_1", displayId: 7 });
    expect(seen.map(call)).toEqual(Array(3).fill("POST /store/carts/cart_1/complete"));
    expect(sleeps).toEqual([10, 10]);
    expect(s.get("lastOrderId")).toBe("order_1");
  });

  it("shows the backend's Dutch sentence when too many orders were placed (429), not a generic failure", async () => {
    const message = "Er zijn vanaf hier of met dit e-mailadres al veel bestellingen geplaatst. Probeer het over 42 minuten opnieuw, of neem contact met ons op.";
    stubBackend(() => ({ status: 429, body: { type: "too_many_requests", message }, headers: { "Retry-After": "2520" } }));
    const error = await completeOrAwaitOrder(session(), "cart_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CartError);
    expect(error).not.toBeInstanceOf(CompletionInProgress);
    expect((error as Error).message).toBe(message);
  });

  it("gives up after the timeout with CompletionInProgress, never a payment error", async () => {
    stubBackend(() => conflict);
    const error = await completeOrAwaitOrder(session(), "cart_1", { timeoutMs: 30, intervalMs: 10, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompletionInProgress);
  });
});

describe("placeOrder: the payment step's one call", () => {
  const cart = { id: "cart_1", raw: { id: "cart_1", region_id: "reg_nl" } } as never;
  const session = () => {
    const data = new Map<string, unknown>();
    return { get: (k: string) => data.get(k), set: (k: string, v: unknown) => data.set(k, v), unset: (k: string) => data.delete(k), data } as never as Parameters<typeof placeOrder>[0] & { data: Map<string, unknown> };
  };
  const invoice = { kind: "invoice", provider: "pp_invoice_invoice", online: false } as never;
  const manual = { kind: "manual", provider: "pp_system_default", online: false } as never;
  const card = { kind: "card", provider: "pp_stripe_stripe", online: true } as never;
  const order = { type: "order", order: { id: "order_1", display_id: 7 } };
  const collection = (provider: string, data: Record<string, unknown> = {}) => ({ payment_collection: { id: "pc_1", payment_sessions: [{ provider_id: provider, data }] } });

  it("'Op factuur': stores the organisation's data, then completes the cart", async () => {
    const seen = stubBackend((r) => (r.path.endsWith("/complete") ? { body: order } : { body: { cart: { id: "cart_1" } } }));
    const s = session();
    expect(await placeOrder(s, cart, invoice, { organisation: "Gemeente Utrecht" })).toEqual({ kind: "order", orderId: "order_1" });
    expect(seen.map(call)).toEqual(["POST /store/invoice/carts/cart_1", "POST /store/carts/cart_1/complete"]);
    expect(s.data.get("lastOrderId")).toBe("order_1");
  });

  it("'Op factuur' refused per field: no order, the backend's errors for the form", async () => {
    const seen = stubBackend(() => ({ status: 400, body: { type: "invalid_data", message: "x", errors: { kvk_number: "Een KvK-nummer bestaat uit 8 cijfers" } } }));
    const placed = await placeOrder(session(), cart, invoice, { kvk_number: "1" });
    expect(placed).toMatchObject({ kind: "invoice-refused", failure: { status: 400, fieldErrors: { kvk_number: "Een KvK-nummer bestaat uit 8 cijfers." } } });
    expect(seen.map(call)).toEqual(["POST /store/invoice/carts/cart_1"]);
  });

  it("manual: clears earlier organisation data, starts the manual session and completes", async () => {
    const seen = stubBackend((r) =>
      r.path.endsWith("/complete") ? { body: order } : r.path.startsWith("/store/payment-collections") ? { body: collection("pp_system_default") } : { body: { cart: { id: "cart_1" }, payment_collection: { id: "pc_1" } } },
    );
    expect(await placeOrder(session(), cart, manual, {})).toEqual({ kind: "order", orderId: "order_1" });
    expect(seen[0]).toMatchObject({ method: "DELETE", path: "/store/invoice/carts/cart_1" });
    expect(seen.at(-1)).toMatchObject({ method: "POST", path: "/store/carts/cart_1/complete" });
  });

  it("online: answers the client secret the browser confirms, without completing", async () => {
    const seen = stubBackend((r) =>
      r.path.startsWith("/store/payment-collections") ? { body: collection("pp_stripe_stripe", { client_secret: "pi_1_secret_2" }) } : { body: { cart: { id: "cart_1" }, payment_collection: { id: "pc_1" } } },
    );
    expect(await placeOrder(session(), cart, card, {})).toEqual({ kind: "pay-online", clientSecret: "pi_1_secret_2" });
    expect(seen.some((r) => r.path.endsWith("/complete"))).toBe(false);
  });
});
