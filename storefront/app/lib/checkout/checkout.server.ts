import { BackendError, type BackendFailure, backendFetch, callBackend, failureStatus, loadFromBackend, sdk, toBackendFailure } from "../backend/backend.server";
import { getConfig } from "../config.server";
import { getRegion } from "../catalogue/catalogue.server";
import { CART_CODES, CartError, cartPath, forgetCart, stockRefusal, type CartView } from "../cart/cart.server";
import type { ShopSession } from "../session/session.server";
import type { CheckoutAddress } from "../address/address";
import type { WithdrawalOutcome } from "../withdrawal/withdrawal.server";

import { INVOICE_PROVIDER, MANUAL_PROVIDER, ONLINE_PROVIDERS, paymentMethods, type PaymentMethod } from "./payment";

export { MANUAL_PROVIDER };


export type ShippingOption = {
  id: string;
  name: string;
  description: string | null;
  amount: number;
  insufficient_inventory: boolean;
};

/** One shipping method is needed per group (shipping profile) of items in the cart. */
export type ShippingGroup = {
  profile_id: string;
  profile_name: string;
  item_ids: string[];
  options: ShippingOption[];
};

/**
 * For cart changes whose answer the step does not read (the next page reads the cart
 * once): Medusa then loads no items and computes no totals for the answer.
 */
const ANSWER_FIELDS = { fields: "id" };

/** Changes the cart; the answer is not read (see ANSWER_FIELDS). */
async function updateCart(cartId: string, body: Record<string, unknown>): Promise<void> {
  await backendFetch(cartPath(cartId), { method: "POST", body, query: ANSWER_FIELDS });
}

/** Saves e-mail and address; moves the cart to the region of the chosen country. */
export async function saveAddress(session: ShopSession, cart: CartView, address: CheckoutAddress) {
  const region = await getRegion(address.country_code);
  const shippingAddress = {
    first_name: address.first_name,
    last_name: address.last_name,
    company: address.company || undefined,
    address_1: address.address_1,
    postal_code: address.postal_code,
    city: address.city,
    country_code: address.country_code,
    phone: address.phone || undefined,
    // Dutch addresses: street, number and addition separately as well (see lib/address/address.ts)
    metadata: address.metadata,
  };
  // Changing the region makes Medusa reset the address to the region's country,
  // so move the cart first and save the address after.
  if (cart.raw.region_id !== region.id) {
    await updateCart(cart.id, { region_id: region.id });
  }
  const details = { email: address.email, shipping_address: shippingAddress, billing_address: shippingAddress };
  await updateCart(cart.id, details);
  session.set("country", address.country_code);
}

export async function getShippingGroups(cartId: string): Promise<ShippingGroup[]> {
  const { shipping_groups } = await backendFetch<{ shipping_groups: ShippingGroup[] }>(cartPath(cartId, "/shipping-groups"));
  return shipping_groups;
}

/**
 * What shipping will cost before the shopper chose: the cheapest option of every shipment
 * the cart needs (null when a shipment has no option for the country).
 */
export function shippingEstimate(groups: ShippingGroup[]): number | null {
  if (!groups.length) return null;
  return groups.reduce<number | null>((sum, group) => {
    const cheapest = Math.min(...group.options.map((o) => o.amount));
    return sum === null || !Number.isFinite(cheapest) ? null : sum + cheapest;
  }, 0);
}

/** Adds the chosen option of every group; each choice must belong to its group. */
export async function saveShipping(cartId: string, groups: ShippingGroup[], chosen: Record<string, string>) {
  const missing = groups.filter((g) => !g.options.some((o) => o.id === chosen[g.profile_id]));
  if (missing.length) {
    throw new CartError("Kies voor elke zending een verzendwijze.");
  }
  for (const group of groups) {
    await backendFetch(cartPath(cartId, "/shipping-methods"), {
      method: "POST",
      body: { option_id: chosen[group.profile_id]! },
      query: ANSWER_FIELDS,
    });
  }
}

export async function listPaymentProviders(regionId: string): Promise<string[]> {
  const { payment_providers } = await callBackend("list payment providers", () =>
    sdk.store.payment.listPaymentProviders({ region_id: regionId }),
  );
  return payment_providers.map((p) => p.id);
}

/** Starts a payment session; returns the provider's data (Stripe: the client_secret). */
export async function startPayment(cart: CartView, providerId: string): Promise<Record<string, unknown>> {
  const { payment_collection } = await callBackend("start payment", () =>
    sdk.store.payment.initiatePaymentSession(cart.raw, { provider_id: providerId }),
  );
  const session = payment_collection.payment_sessions?.find((s) => s.provider_id === providerId);
  return (session?.data ?? {}) as Record<string, unknown>;
}

/**
 * "Op factuur": stores the organisation's data on the cart and starts a session of the
 * invoice provider (POST /store/invoice/carts/:id). The backend judges the data: it
 * answers 400 with a Dutch message per field (BackendError), which the form shows.
 */
export async function startInvoicePayment(cartId: string, details: Record<string, string>): Promise<void> {
  await backendFetch(`/store/invoice/carts/${encodeURIComponent(cartId)}`, { method: "POST", body: details });
}

/** Another way to pay was chosen: the organisation's data leaves the cart (a no-op when there is none). */
export async function clearInvoiceDetails(cartId: string): Promise<void> {
  await backendFetch(`/store/invoice/carts/${encodeURIComponent(cartId)}`, { method: "DELETE" });
}

/** What Medusa's POST /store/carts/:id/complete answers with 200. */
type CompletionAnswer =
  | { type: "order"; order: { id: string; display_id?: number | null } }
  | { type: "cart"; error?: { type?: string; message?: string } };

/** Medusa's error types for a payment the provider refused or that needs the shopper again (answered with 200). */
const PAYMENT_ERROR_TYPES = new Set(["payment_authorization_error", "payment_requires_more_error"]);

/**
 * Completing can take long under load (stock locks, reservations, the payment capture),
 * and giving up early would show an error for an order that is being made.
 */
const COMPLETION_TIMEOUT_MS = 60_000;

/**
 * Completes the cart. Medusa answers 200 with `type: "cart"` and an error when the
 * payment fails, and 4xx when the cart cannot be completed (stock: the backend's Dutch
 * refusal with code insufficient_inventory): both become a CartError with a Dutch message.
 */
export async function completeCart(session: ShopSession, cartId: string): Promise<{ orderId: string; displayId: number }> {
  let result: CompletionAnswer;
  try {
    result = await backendFetch<CompletionAnswer>(cartPath(cartId, "/complete"), { method: "POST", timeoutMs: COMPLETION_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof BackendError) || error.status >= 500) throw error;
    // 409: Medusa is completing this cart in another request (Stripe's webhook or a second tab).
    if (error.status === 409) throw new CompletionInProgress({ cause: error });
    // 429: too many orders from this address or e-mail address; the backend's Dutch sentence says how long to wait.
    if (error.status === 429) {
      const failure = toBackendFailure(error);
      const refused = new CartError(failure.message, { cause: error });
      refused.rateLimited = { retryAfter: failure.retryAfter };
      throw refused;
    }
    throw new CartError(stockRefusal(error) ?? NOT_COMPLETED_MESSAGE, { cause: error });
  }
  if (result.type !== "order") {
    const payment = PAYMENT_ERROR_TYPES.has(result.error?.type ?? "");
    throw new CartError(payment ? PAYMENT_FAILED_MESSAGE : NOT_COMPLETED_MESSAGE);
  }
  forgetCart(session);
  session.set("lastOrderId", result.order.id);
  return { orderId: result.order.id, displayId: result.order.display_id ?? 0 };
}

export const PAYMENT_FAILED_MESSAGE = "De betaling is niet gelukt. Probeer het opnieuw of kies een andere betaalwijze.";
export const NOT_COMPLETED_MESSAGE = "Je bestelling kon niet worden afgerond. Controleer je gegevens en probeer het opnieuw.";

const ORDER_FIELDS =
  "id,display_id,email,currency_code,item_total,item_tax_total,shipping_total,tax_total,total,created_at,*items,*shipping_address,*shipping_methods";

export async function getOrder(orderId: string) {
  const { order } = await callBackend("retrieve order", () => sdk.store.order.retrieve(orderId, { fields: ORDER_FIELDS }));
  return order;
}

/** What the confirmation page shows of an order paid on invoice. */
export type OrderInvoice = { organisation: string; invoiceEmail: string | null; awaitingApproval: boolean };

/** Pure: the backend's answer of GET /store/invoice/orders/:id as the page needs it. */
export function toOrderInvoice(invoice: { organisation?: unknown; invoice_email?: unknown; status?: unknown } | null | undefined): OrderInvoice | null {
  if (!invoice || typeof invoice.organisation !== "string") return null;
  return {
    organisation: invoice.organisation,
    invoiceEmail: typeof invoice.invoice_email === "string" && invoice.invoice_email ? invoice.invoice_email : null,
    awaitingApproval: invoice.status === "awaiting_approval",
  };
}

/** Whether the order is paid on invoice (Medusa's store order route does not return metadata). */
export async function getOrderInvoice(orderId: string): Promise<OrderInvoice | null> {
  const { invoice } = await backendFetch<{ invoice: Record<string, unknown> | null }>(
    `/store/invoice/orders/${encodeURIComponent(orderId)}`,
  );
  return toOrderInvoice(invoice);
}

/** Bank transfer details of an order "op rekening" (backend/src/lib/payment-on-account.ts). */
export type PaymentOnAccount = {
  amount: number;
  currency_code: string;
  iban: string;
  account_name: string;
  /** The transfer's "omschrijving": the order number. */
  reference: string;
  due_at: string;
};

export type OrderStatus = { canceled: boolean; payment_on_account: PaymentOnAccount | null; withdrawal: WithdrawalOutcome | null };

/** What Medusa's store order route does not return: transfer details and the withdrawal (GET /store/order-status/:id). */
export async function getOrderStatus(orderId: string): Promise<OrderStatus> {
  return backendFetch<OrderStatus>(`/store/order-status/${encodeURIComponent(orderId)}`);
}

/** Medusa answered 409: the same cart is being completed by another request right now. */
export class CompletionInProgress extends CartError {
  constructor(options?: { cause?: unknown }) {
    super("Je bestelling wordt op dit moment afgerond.", options);
  }
}

/** What Stripe appends to the return URL after a redirect (iDEAL, Bancontact, 3-D Secure). */
export type PaymentReturn = { paymentIntent: string; clientSecret: string; redirectStatus: string | null };

/** Pure: reads Stripe's return parameters; null when the two identifying ones are missing. */
export function readPaymentReturn(params: URLSearchParams): PaymentReturn | null {
  const paymentIntent = params.get("payment_intent") ?? "";
  const clientSecret = params.get("payment_intent_client_secret") ?? "";
  if (!/^pi_[A-Za-z0-9_]+$/.test(paymentIntent) || !clientSecret.startsWith(`${paymentIntent}_secret_`)) return null;
  return { paymentIntent, clientSecret, redirectStatus: params.get("redirect_status") };
}

type SessionLike = { provider_id?: string; data?: Record<string, unknown> | null };

/**
 * Pure: whether the returning payment belongs to this cart: one of the cart's online
 * payment sessions holds exactly this PaymentIntent and its client secret (which only
 * the shopper's browser received). A link from another site cannot know both.
 */
export function returnMatchesCart(sessions: SessionLike[], payment: PaymentReturn): boolean {
  return sessions.some(
    (s) =>
      ONLINE_PROVIDERS.includes(s.provider_id ?? "") &&
      s.data?.id === payment.paymentIntent &&
      s.data?.client_secret === payment.clientSecret,
  );
}

/** The cart's payment sessions (with the provider's data), or null when the cart is gone. */
export async function cartPaymentSessions(cartId: string): Promise<SessionLike[] | null> {
  try {
    const { cart } = await backendFetch<{ cart: { payment_collection?: { payment_sessions?: SessionLike[] } | null } }>(cartPath(cartId), {
      query: { fields: "id,*payment_collection.payment_sessions" },
    });
    return cart.payment_collection?.payment_sessions ?? [];
  } catch (error) {
    if (error instanceof BackendError && error.code === CART_CODES.notFound) return null;
    throw error;
  }
}

export type WaitOptions = { timeoutMs?: number; intervalMs?: number; sleep?: (ms: number) => Promise<void> };

/**
 * Completes a paid cart, or waits for the completion that Stripe's webhook (or a
 * second tab) already started: Medusa answers 409 while that runs and, once done,
 * answers a new complete with the order it made. Either way the shopper sees the
 * one order. Still running after `timeoutMs`: CompletionInProgress.
 */
export async function completeOrAwaitOrder(
  session: ShopSession,
  cartId: string,
  { timeoutMs = 15_000, intervalMs = 500, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: WaitOptions = {},
): Promise<{ orderId: string; displayId: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await completeCart(session, cartId);
    } catch (error) {
      if (!(error instanceof CompletionInProgress) || Date.now() + intervalMs > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

// ---------------------------------------------------------------------------
// Placing the order (the payment step's one call)

/** What the cart's region offers (the backend decides), ordered for the delivery country. */
export async function offeredPaymentMethods(cart: CartView): Promise<PaymentMethod[]> {
  const providers = await loadFromBackend(() => listPaymentProviders(cart.raw.region_id!));
  const country = cart.address.country_code || cart.countryCode;
  return paymentMethods(providers, country, { online: Boolean(getConfig().stripePublishableKey) });
}

export type PlacedOrder =
  /** The order exists (invoice or manual payment): its confirmation page is next. */
  | { kind: "order"; orderId: string }
  /** An online method: the browser confirms this PaymentIntent; Stripe then returns the shopper to /betaling/afronden. */
  | { kind: "pay-online"; clientSecret: string }
  /** "Op factuur": the backend refused the organisation's data (400, per field). */
  | { kind: "invoice-refused"; failure: BackendFailure };

/**
 * Places the order with the chosen payment method: "Op factuur" stores the organisation's
 * data (the backend judges it) and completes the cart; an online method starts a payment
 * session whose client secret the browser confirms; any other (manual) method completes the
 * cart at once. Organisation data of an earlier "Op factuur" attempt never reaches an order
 * paid otherwise. A refusal the shopper can act on is a thrown CartError; an unreachable
 * backend the 503 page (loadFromBackend).
 */
export async function placeOrder(session: ShopSession, cart: CartView, method: PaymentMethod, invoice: Record<string, string>): Promise<PlacedOrder> {
  if (method.provider === INVOICE_PROVIDER) {
    let refused: BackendFailure | null = null;
    await loadFromBackend(() =>
      startInvoicePayment(cart.id, invoice).catch((error: unknown) => {
        if (failureStatus(error) !== 400) throw error;
        refused = toBackendFailure(error);
      }),
    );
    if (refused) return { kind: "invoice-refused", failure: refused };
    const order = await loadFromBackend(() => completeCart(session, cart.id));
    return { kind: "order", orderId: order.orderId };
  }
  await loadFromBackend(() => clearInvoiceDetails(cart.id));
  if (method.online) {
    const payment = await loadFromBackend(() => startPayment(cart, method.provider));
    const clientSecret = typeof payment.client_secret === "string" ? payment.client_secret : null;
    if (!clientSecret) throw new CartError("Online betalen is nu niet beschikbaar. Kies een andere betaalwijze.");
    return { kind: "pay-online", clientSecret };
  }
  await loadFromBackend(() => startPayment(cart, MANUAL_PROVIDER));
  const order = await loadFromBackend(() => completeCart(session, cart.id));
  return { kind: "order", orderId: order.orderId };
}
