import { lineName } from "./line-name";
import { BackendError, backendFetch, type sdk, toBackendFailure } from "../backend/backend.server";
import { getRegion, storefrontImageUrl } from "../catalogue/catalogue.server";
import { countryOf, type ShopSession } from "../session/session.server";

const CART_FIELDS =
  "id,email,region_id,currency_code,item_total,subtotal,shipping_total,item_tax_total,tax_total,total," +
  "*items,*shipping_address,*shipping_methods,*region.countries,metadata";

type StoreCart = Awaited<ReturnType<typeof sdk.store.cart.retrieve>>["cart"];

export type CartLine = {
  id: string;
  title: string;
  variantTitle: string | null;
  handle: string | null;
  thumbnail: string | null;
  quantity: number;
  unitPrice: number;
  total: number;
};

/** The neighbourhood group the shopper orders for (public data only). */
export type CartGroup = { slug: string; name: string };

/**
 * The group on a cart's metadata (set by POST /store/carts/:id/group), or null.
 * Pure; exported for tests.
 */
export function cartGroupOf(metadata: Record<string, unknown> | null | undefined): CartGroup | null {
  const { group_id: id, group_slug: slug, group_name: name } = metadata ?? {};
  if (typeof id !== "string" || !id || typeof slug !== "string" || !slug || typeof name !== "string" || !name) return null;
  return { slug, name };
}

/** What the cart and checkout pages show; amounts in euros incl. btw. */
export type CartView = {
  id: string;
  email: string | null;
  countryCode: string;
  lines: CartLine[];
  count: number;
  itemTotal: number;
  shippingTotal: number;
  /** Btw of the items alone; taxTotal adds the chosen shipping method's. */
  itemTaxTotal: number;
  taxTotal: number;
  total: number;
  hasShippingAddress: boolean;
  /** The saved delivery address, to fill the checkout form again. */
  address: Record<string, string>;
  shippingMethodCount: number;
  /** "Bestelling voor buurtgroep …", or null. */
  group: CartGroup | null;
  raw: StoreCart;
};

/** A problem the shopper can act on (stock, quantity), in Dutch. */
export class CartError extends Error {
  override name = "CartError";
  /** Set when the backend refused with 429 (too many orders): seconds from its Retry-After. */
  rateLimited: { retryAfter: number | null } | null = null;
}

export function toCartView(cart: StoreCart): CartView {
  const lines: CartLine[] = (cart.items ?? [])
    .map((item) => ({
      id: item.id,
      title: item.product_title ?? item.title,
      variantTitle: item.variant_title ?? null,
      handle: item.product_handle ?? null,
      thumbnail: storefrontImageUrl(item.thumbnail),
      quantity: item.quantity,
      unitPrice: Number(item.unit_price),
      total: Number(item.total ?? Number(item.unit_price) * item.quantity),
    }))
    .sort((a, b) => a.title.localeCompare(b.title, "nl"));
  return {
    id: cart.id,
    email: cart.email ?? null,
    countryCode: cart.shipping_address?.country_code ?? cart.region?.countries?.[0]?.iso_2 ?? "nl",
    lines,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    itemTotal: Number(cart.item_total ?? 0),
    shippingTotal: Number(cart.shipping_total ?? 0),
    itemTaxTotal: Number(cart.item_tax_total ?? 0),
    taxTotal: Number(cart.tax_total ?? 0),
    total: Number(cart.total ?? 0),
    hasShippingAddress: Boolean(cart.shipping_address?.address_1),
    address: Object.fromEntries(
      ["first_name", "last_name", "company", "address_1", "postal_code", "city", "country_code", "phone"].map((key) => [
        key,
        String((cart.shipping_address as Record<string, unknown> | null | undefined)?.[key] ?? ""),
      ]),
    ),
    shippingMethodCount: cart.shipping_methods?.length ?? 0,
    group: cartGroupOf(cart.metadata as Record<string, unknown> | null | undefined),
    raw: cart,
  };
}

/**
 * HTTP 409: the backend gave up waiting for its turn on the cart or its items (many
 * shoppers at once). Nothing was changed; trying again is safe.
 */
export const BUSY_MESSAGE = "Het is erg druk in de winkel. Probeer het over een paar seconden opnieuw.";

/**
 * The backend's codes for a refused cart change (backend src/api/middlewares/cart-errors.ts
 * and src/lib/cart-stock.ts): the storefront branches on these, never on message text.
 */
export const CART_CODES = {
  /** Not enough stock, packages counted with their parts; the message is Dutch and exact. */
  stock: "insufficient_inventory",
  /** The cart id is unknown (removed, or from another shop's database). */
  notFound: "cart_not_found",
  /** The cart was checked out already. */
  completed: "cart_completed",
  /** A quantity the backend does not take (no whole number, more than 999 per line); the message is Dutch. */
  quantity: "invalid_quantity",
  /** The line is not in this cart (another cart's, or gone); the message is Dutch. */
  lineNotFound: "line_not_found",
} as const;

/** The cookie's cart can no longer be changed: it is gone or already checked out. */
export function isGoneCart(error: unknown): boolean {
  return error instanceof BackendError && (error.code === CART_CODES.notFound || error.code === CART_CODES.completed);
}

/** The backend's own Dutch stock refusal, or null for any other answer. */
export function stockRefusal(error: unknown): string | null {
  return error instanceof BackendError && error.code === CART_CODES.stock && error.message ? error.message : null;
}

/**
 * Turns the backend's refusals of a cart change into messages a shopper understands.
 * Stock, quantity and line refusals carry the backend's Dutch message (by `code`); the rest is told apart by HTTP
 * status only (Medusa's English wording is never shown).
 */
export function cartErrorMessage(error: unknown): string | null {
  if (!(error instanceof BackendError)) return null;
  const stock = stockRefusal(error);
  if (stock) return stock;
  // the backend's own Dutch sentences: the most per line, a line that is not in this cart
  if ((error.code === CART_CODES.quantity || error.code === CART_CODES.lineNotFound) && error.message) return error.message;
  if (error.status === 409) return BUSY_MESSAGE;
  // the backend's Dutch sentence, e.g. too many new carts from one address
  if (error.status === 429 && error.message) return error.message;
  if (error.status === 404) return "Dit product is niet (meer) beschikbaar.";
  if (error.status < 500) return "Dit lukte niet. Controleer je keuze en probeer het opnieuw.";
  return null;
}

/** Runs a cart change; shopper-fixable problems become CartError, the rest stays a backend failure. */
async function cartCall<T>(call: () => Promise<T>): Promise<T> {
  return call().catch((error: unknown) => {
    const message = cartErrorMessage(error);
    throw message ? new CartError(message, { cause: error }) : error;
  });
}

/**
 * Runs `change` on the visitor's cart; when the cookie's cart is gone or already checked
 * out, forgets it and runs `change` once more (on a new cart, for changes that create one).
 */
async function onLiveCart<T>(session: ShopSession, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!isGoneCart(error)) throw error;
    forgetCart(session);
    return change();
  }
}

/** The store API path of a cart, or of something under it ("/line-items"). */
export const cartPath = (cartId: string, rest = "") => `/store/carts/${encodeURIComponent(cartId)}${rest}`;

/**
 * Cart reads under way, by cart id. A checkout page runs its layout's and its step's
 * loaders at the same time and both need the cart: the second joins the first's read,
 * so a request reads the cart once. Only a read already under way is shared (nothing
 * is kept after it answers), so a read never predates a change the same visitor made before it.
 */
const cartReads = new Map<string, Promise<StoreCart>>();

function retrieveCart(cartId: string): Promise<StoreCart> {
  const underWay = cartReads.get(cartId);
  if (underWay) return underWay;
  const read = backendFetch<{ cart: StoreCart }>(cartPath(cartId), { query: { fields: CART_FIELDS } })
    .then(({ cart }) => cart)
    .finally(() => cartReads.delete(cartId));
  cartReads.set(cartId, read);
  return read;
}

/** The visitor's cart, or null when there is none (or it was completed/removed). */
export async function getCart(session: ShopSession): Promise<CartView | null> {
  const cartId = session.get("cartId");
  if (!cartId) return null;
  try {
    const cart = await retrieveCart(cartId);
    if ((cart as { completed_at?: string | null }).completed_at) {
      forgetCart(session);
      return null;
    }
    const view = toCartView(cart);
    rememberCount(session, cart);
    return view;
  } catch (error) {
    if (!isGoneCart(error)) throw error;
    forgetCart(session);
    return null;
  }
}

export function forgetCart(session: ShopSession) {
  session.unset("cartId");
  session.set("cartCount", 0);
  session.unset("cartLines");
}

/** The visitor's cart id; a new cart (one backend call) when the session has none. */
export async function ensureCartId(session: ShopSession): Promise<string> {
  const existing = session.get("cartId");
  if (existing) return existing;
  const region = await getRegion(countryOf(session));
  const { cart } = await backendFetch<{ cart: { id: string } }>("/store/carts", {
    method: "POST",
    body: { region_id: region.id },
    query: { fields: "id" },
  });
  session.set("cartId", cart.id);
  return cart.id;
}

/** Enough of a changed cart for the header count and the units per variant: Medusa computes no totals for it. */
const COUNT_FIELDS = "id,items.quantity,items.variant_id";

/**
 * Remembers the cart's item count (the header reads it, no backend call per page) and its
 * units per variant (a product page's stock check) in the session.
 */
function rememberCount(session: ShopSession, cart: CountedCart): number {
  const items = cart.items ?? [];
  const count = items.reduce((sum, item) => sum + item.quantity, 0);
  const lines: Record<string, number> = {};
  for (const item of items) if (item.variant_id) lines[item.variant_id] = (lines[item.variant_id] ?? 0) + item.quantity;
  session.set("cartCount", count);
  session.set("cartLines", lines);
  return count;
}

/** What the header and the notice need after an add: no totals, so Medusa computes none. */
const ADDED_FIELDS = `${COUNT_FIELDS},items.product_title,items.variant_title`;

export type AddedToCart = {
  /** Items in the cart now (the header count). */
  count: number;
  /** "Product (variant)", for the notice. */
  title: string;
};

/**
 * Adds a variant to the visitor's cart (created when there is none, or again once when
 * the cookie's cart is gone). One backend call for a known cart: stock is checked by the
 * backend's cart-stock hook, whose Dutch refusal becomes a CartError.
 */
export async function addToCart(session: ShopSession, variantId: string, quantity: number): Promise<AddedToCart> {
  const { cart } = await cartCall(() =>
    onLiveCart(session, async () => {
      const cartId = session.get("cartId");
      if (!cartId) return createCartWithLine(session, variantId, quantity);
      return backendFetch<{ cart: AddedCart }>(cartPath(cartId, "/line-items"), {
        method: "POST",
        body: { variant_id: variantId, quantity },
        query: { fields: ADDED_FIELDS },
      });
    }),
  );
  const count = rememberCount(session, cart);
  const item = cart.items?.find((i) => i.variant_id === variantId);
  return { count, title: item ? `${item.product_title} (${item.variant_title})` : "" };
}

/**
 * A visitor's first add creates the cart together with its line (issue 24, third look): an
 * add the backend refuses (an unknown variant, no stock) leaves no empty cart behind, and
 * the session (which stores nothing while it holds nothing) stays unstored.
 */
async function createCartWithLine(session: ShopSession, variantId: string, quantity: number): Promise<{ cart: AddedCart }> {
  const region = await getRegion(countryOf(session));
  const { cart } = await backendFetch<{ cart: AddedCart & { id: string } }>("/store/carts", {
    method: "POST",
    body: { region_id: region.id, items: [{ variant_id: variantId, quantity }] },
    query: { fields: `id,${ADDED_FIELDS}` },
  });
  session.set("cartId", cart.id);
  return { cart };
}

type AddedCart = { items?: { quantity: number; variant_id: string | null; product_title: string | null; variant_title: string | null }[] | null };
type CountedCart = { items?: { quantity: number; variant_id?: string | null }[] | null };

/** Changes a line's quantity; the cart page reads the cart (totals) again after the redirect. */
export async function updateLine(session: ShopSession, lineId: string, quantity: number): Promise<void> {
  const cartId = session.get("cartId");
  if (!cartId) throw new CartError("Je winkelmand is leeg.");
  const { cart } = await cartCall(() =>
    backendFetch<{ cart: CountedCart }>(cartPath(cartId, `/line-items/${encodeURIComponent(lineId)}`), {
      method: "POST",
      body: { quantity },
      query: { fields: COUNT_FIELDS },
    }),
  );
  rememberCount(session, cart);
}

/**
 * Removes a line; answers what was removed ("Straatbord X (60 cm)") for the notice, or null when
 * that could not be read (the removal goes ahead).
 */
export async function removeLine(session: ShopSession, lineId: string): Promise<string | null> {
  const cartId = session.get("cartId");
  if (!cartId) return null;
  const title = await backendFetch<{ cart: AddedCart & { items?: { id?: string }[] | null } }>(cartPath(cartId), {
    query: { fields: "id,items.id,items.product_title,items.variant_title" },
  })
    .then(({ cart }) => {
      const item = cart.items?.find((candidate) => "id" in candidate && candidate.id === lineId);
      return item?.product_title ? lineName(item.product_title, item.variant_title) : null;
    })
    .catch(() => null);
  const { parent } = await cartCall(() =>
    backendFetch<{ parent?: CountedCart }>(cartPath(cartId, `/line-items/${encodeURIComponent(lineId)}`), {
      method: "DELETE",
      query: { fields: COUNT_FIELDS },
    }),
  );
  if (parent) rememberCount(session, parent);
  return title;
}

type CartGroupResponse = { cart: { id: string }; group: (CartGroup & { id: string }) | null };

/**
 * Order for a group: puts the approved group `slug` on the visitor's cart, creating the
 * cart when there is none. The backend refuses groups that are unknown or not approved
 * (404, Dutch message), which becomes a CartError.
 */
export async function setCartGroup(session: ShopSession, slug: string): Promise<CartGroup> {
  const response = await onLiveCart(session, async () =>
    backendFetch<CartGroupResponse>(cartPath(await ensureCartId(session), "/group"), { method: "POST", body: { slug } }),
  ).catch((error: unknown) => {
    if (!(error instanceof BackendError) || error.status >= 500) throw error;
    // The route is the shop's own, so even its 404 (unknown or unapproved group) is a Dutch
    // sentence, which the translator's default for Medusa's English 404s would hide.
    const message = error.status === 404 ? error.message : toBackendFailure(error).message;
    throw new CartError(message, { cause: error });
  });
  if (!response.group) throw new CartError("Voor deze buurtgroep kun je nu niet bestellen.");
  return { slug: response.group.slug, name: response.group.name };
}

/** Order without a group again; nothing to do without a cart (or with one that is gone). */
export async function removeCartGroup(session: ShopSession): Promise<void> {
  const cartId = session.get("cartId");
  if (!cartId) return;
  try {
    await backendFetch<CartGroupResponse>(cartPath(cartId, "/group"), { method: "DELETE" });
  } catch (error) {
    if (!isGoneCart(error)) throw error;
    forgetCart(session);
  }
}

/** The cart as sent to the browser: without Medusa's raw object. */
export function publicCart(cart: CartView): Omit<CartView, "raw"> {
  const { raw: _raw, ...view } = cart;
  return view;
}
