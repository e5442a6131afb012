import { FetchError } from "@medusajs/js-sdk";
import { BACKEND_UNAVAILABLE_MESSAGE } from "./error-messages";
import { sdk } from "./medusa.server";

type StoreProduct = Awaited<ReturnType<typeof sdk.store.product.list>>["products"][number];
type StoreRegion = Awaited<ReturnType<typeof sdk.store.region.list>>["regions"][number];

/** The shop sells to the Netherlands first: prices come from the region holding "nl". */
export const SHOP_COUNTRY = "nl";

/** Fields for product lists: prices for the region, stock, categories. */
export const PRODUCT_LIST_FIELDS = "*variants.calculated_price,+variants.inventory_quantity,*categories";

const BACKEND_TIMEOUT_MS = 10_000;

/** The backend could not be reached or answered with an error: show "tijdelijk niet bereikbaar". */
export class BackendUnavailableError extends Error {
  override name = "BackendUnavailableError";
}

export type ShopRegion = {
  id: string;
  name: string;
  /** ISO 4217, upper case (e.g. "EUR"). */
  currencyCode: string;
};

/** What a product card needs; prices in major units, including 21% btw. */
export type ProductSummary = {
  id: string;
  handle: string;
  title: string;
  subtitle: string | null;
  /** Absolute URL, or a root-relative path for images served by this storefront. */
  thumbnail: string | null;
  /** Cheapest variant price in the region, or null when no variant has a price there. */
  price: number | null;
  /** True when variants have different prices (show "vanaf"). */
  hasPriceRange: boolean;
  currency: string;
};

export type ProductList = {
  products: ProductSummary[];
  /** Total number of matching products (for paging). */
  count: number;
};

function isBackendFailure(error: unknown): boolean {
  if (error instanceof BackendUnavailableError) return true;
  if (error instanceof FetchError) return true; // HTTP error status from Medusa
  // Node's fetch rejects with TypeError("fetch failed") when the host is unreachable.
  return error instanceof TypeError && /fetch failed|network/i.test(error.message);
}

/** Runs one backend call with a timeout; backend failures become BackendUnavailableError. */
async function callBackend<T>(what: string, call: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BackendUnavailableError(`${what}: no answer within ${BACKEND_TIMEOUT_MS} ms`)),
      BACKEND_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (error) {
    if (!isBackendFailure(error)) throw error;
    if (error instanceof BackendUnavailableError) throw error;
    const status = error instanceof FetchError ? ` (HTTP ${error.status})` : "";
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackendUnavailableError(`${what}${status}: ${detail}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Picks the region that ships to the Netherlands. Pure; exported for tests. */
export function pickShopRegion(regions: StoreRegion[], country = SHOP_COUNTRY): ShopRegion | undefined {
  const region = regions.find((r) =>
    r.countries?.some((c) => c.iso_2?.toLowerCase() === country),
  );
  if (!region) return undefined;
  return {
    id: region.id,
    name: region.name,
    currencyCode: region.currency_code.toUpperCase(),
  };
}

async function fetchDefaultRegion(): Promise<ShopRegion> {
  const { regions } = await callBackend("list regions", () =>
    sdk.store.region.list({ fields: "id,name,currency_code,*countries", limit: 100 }),
  );
  const region = pickShopRegion(regions);
  if (!region) {
    throw new BackendUnavailableError(
      `no region contains country "${SHOP_COUNTRY}" (has the backend been seeded?)`,
    );
  }
  return region;
}

let regionPromise: Promise<ShopRegion> | undefined;

/**
 * The Dutch region, fetched once per process. A failed lookup is not cached,
 * so the next request tries again.
 */
export function getDefaultRegion(): Promise<ShopRegion> {
  if (!regionPromise) {
    const pending = fetchDefaultRegion();
    regionPromise = pending;
    pending.catch(() => {
      if (regionPromise === pending) regionPromise = undefined;
    });
  }
  return regionPromise;
}

/** Test hook: forget the cached region. */
export function resetRegionCache(): void {
  regionPromise = undefined;
}

/**
 * Product images seeded by the backend point at this storefront
 * (e.g. http://localhost:3000/images/products/x.svg). Serve those root-relative,
 * so they work whatever host or port the storefront runs on.
 */
export function storefrontImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { pathname } = new URL(url);
    if (pathname.startsWith("/images/products/")) return pathname;
  } catch {
    // Not an absolute URL: use it as it is.
  }
  return url;
}

/** Maps a store API product to the card view model. Pure; exported for tests. */
export function toProductSummary(product: StoreProduct, regionCurrency: string): ProductSummary {
  const prices: number[] = [];
  let currency = regionCurrency;
  for (const variant of product.variants ?? []) {
    const amount = variant.calculated_price?.calculated_amount;
    if (typeof amount === "number" && Number.isFinite(amount)) {
      prices.push(amount);
      currency = variant.calculated_price?.currency_code ?? currency;
    }
  }
  const price = prices.length ? Math.min(...prices) : null;
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    subtitle: product.subtitle ?? null,
    thumbnail: storefrontImageUrl(product.thumbnail),
    price,
    hasPriceRange: prices.some((p) => p !== price),
    currency: currency.toUpperCase(),
  };
}

export async function listProducts({
  limit = 24,
  offset = 0,
  categoryId,
}: { limit?: number; offset?: number; categoryId?: string } = {}): Promise<ProductList> {
  const region = await getDefaultRegion();
  const { products, count } = await callBackend("list products", () =>
    sdk.store.product.list({
      region_id: region.id,
      fields: PRODUCT_LIST_FIELDS,
      limit,
      offset,
      order: "created_at",
      ...(categoryId ? { category_id: categoryId } : {}),
    }),
  );
  return {
    products: products.map((product) => toProductSummary(product, region.currencyCode)),
    count,
  };
}

/**
 * For loaders: runs `load`; when the backend is unavailable, logs one line and throws
 * a 503 Response so the ErrorBoundary shows "De winkel is tijdelijk niet bereikbaar".
 */
export async function loadFromBackend<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    console.error(`Storefront: Medusa backend unavailable: ${error.message}`);
    throw new Response(BACKEND_UNAVAILABLE_MESSAGE, {
      status: 503,
      statusText: "Service Unavailable",
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": "60",
      },
    });
  }
}
