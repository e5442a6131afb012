import { BackendError, BackendUnavailableError, callBackend, sdk } from "../backend/backend.server";
import { createCache } from "../cache.server";
import { type ApiTier, type PriceTier, toPriceTiers } from "./tier-prices";

type StoreProduct = Awaited<ReturnType<typeof sdk.store.product.list>>["products"][number];
type StoreRegion = Awaited<ReturnType<typeof sdk.store.region.list>>["regions"][number];

/** The shop sells to the Netherlands first: prices come from the region holding "nl". */
export const SHOP_COUNTRY = "nl";

/** Fields for product lists: prices for the region, stock, categories. */
export const PRODUCT_LIST_FIELDS = "*variants.calculated_price,+variants.inventory_quantity,*categories";

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

async function fetchRegion(country: string): Promise<ShopRegion> {
  const { regions } = await callBackend("list regions", () =>
    sdk.store.region.list({ fields: "id,name,currency_code,*countries", limit: 100 }),
  );
  const region = pickShopRegion(regions, country);
  if (!region) {
    throw new BackendUnavailableError(
      `no region contains country "${country}" (has the backend been seeded?)`,
    );
  }
  return region;
}

const regionPromises = new Map<string, Promise<ShopRegion>>();

/**
 * The region that ships to `country` (nl or be), fetched once per process.
 * A failed lookup is not cached, so the next request tries again.
 */
export function getRegion(country: string = SHOP_COUNTRY): Promise<ShopRegion> {
  let promise = regionPromises.get(country);
  if (!promise) {
    const pending = fetchRegion(country);
    promise = pending;
    regionPromises.set(country, pending);
    pending.catch(() => {
      if (regionPromises.get(country) === pending) regionPromises.delete(country);
    });
  }
  return promise;
}

/** The Dutch region: catalogue prices are shown for the Netherlands. */
export function getDefaultRegion(): Promise<ShopRegion> {
  return getRegion(SHOP_COUNTRY);
}

/** Test hook: forget the cached regions. */
export function resetRegionCache(): void {
  regionPromises.clear();
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

/**
 * Catalogue reads are cached briefly (see cache.server.ts): fresh for 5 s, then served
 * stale for up to a minute while one refresh runs. Stock shown is at most seconds old;
 * the backend checks real stock when a product is added to the cart.
 */
const catalogueCache = createCache<unknown>({ freshMs: 5_000, maxStaleMs: 60_000 });
const cachedRead = <T>(key: string, load: () => Promise<T>) => catalogueCache.get(key, load) as Promise<T>;

/** Test hook: forget cached catalogue reads. */
export function resetCatalogueCache(): void {
  catalogueCache.clear();
}

export function listProducts(options: { limit?: number; offset?: number; categoryId?: string } = {}): Promise<ProductList> {
  return cachedRead(`products:${JSON.stringify(options)}`, () => fetchProducts(options));
}

async function fetchProducts({
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

const PRODUCT_DETAIL_FIELDS =
  "id,handle,title,subtitle,description,material,thumbnail,*images,*options,*options.values," +
  "*variants,*variants.options,*variants.calculated_price,+variants.inventory_quantity,*categories";

export type VariantDetail = {
  id: string;
  title: string;
  sku: string | null;
  /** Option title → value, e.g. { Maat: "30 x 45 cm" }. */
  options: Record<string, string>;
  price: number | null;
  /** Units that can be ordered; null when stock is not tracked or backorders are allowed. */
  stock: number | null;
  /** Quantity prices (incl. btw), sorted; [] when the variant has one price for any quantity. */
  tiers: PriceTier[];
};

export type ProductDetail = {
  id: string;
  handle: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  material: string | null;
  images: string[];
  options: { title: string; values: string[] }[];
  variants: VariantDetail[];
  categories: { handle: string; name: string }[];
  currency: string;
};

type StoreVariant = NonNullable<StoreProduct["variants"]>[number];

function toVariantDetail(variant: StoreVariant): VariantDetail {
  const options: Record<string, string> = {};
  for (const value of variant.options ?? []) {
    const title = (value as { option?: { title?: string } }).option?.title;
    if (title) options[title] = value.value;
  }
  const tracked = variant.manage_inventory && !variant.allow_backorder;
  return {
    id: variant.id,
    title: variant.title ?? "",
    sku: variant.sku ?? null,
    options,
    price: variant.calculated_price?.calculated_amount ?? null,
    stock: tracked ? (variant.inventory_quantity ?? 0) : null,
    tiers: [],
  };
}

export type TierPricesResponse = {
  currency_code: string;
  is_tax_inclusive: boolean;
  variants: { id: string; tiers: ApiTier[] }[];
};

/**
 * Variants cheapest first (unpriced last; equal prices keep Medusa's order): Medusa's store
 * API does not promise an order, and the seed's order is lost for variants staff added or
 * re-priced later. Pure; exported for tests.
 */
export function sortVariantsByPrice<T extends { price: number | null }>(variants: T[]): T[] {
  return variants
    .map((variant, index) => ({ variant, index }))
    .sort((a, b) => (a.variant.price ?? Infinity) - (b.variant.price ?? Infinity) || a.index - b.index)
    .map(({ variant }) => variant);
}

/**
 * Maps a store API product (and, when known, its tier prices) to the product page
 * model. Pure; exported for tests.
 */
export function toProductDetail(
  product: StoreProduct,
  regionCurrency: string,
  tierPrices: TierPricesResponse | null = null,
): ProductDetail {
  // Tiers are shown incl. btw like every price here; a tax-exclusive answer is left out.
  const tiersById = new Map(
    tierPrices?.is_tax_inclusive ? tierPrices.variants.map((v) => [v.id, toPriceTiers(v.tiers)] as const) : [],
  );
  const images = [product.thumbnail, ...(product.images ?? []).map((i) => i.url)]
    .map((url) => storefrontImageUrl(url))
    .filter((url): url is string => Boolean(url));
  const optionTitles = new Map((product.options ?? []).map((o) => [o.id, o.title]));
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    subtitle: product.subtitle ?? null,
    description: product.description ?? null,
    material: product.material ?? null,
    images: [...new Set(images)],
    options: (product.options ?? []).map((o) => ({
      title: o.title,
      values: (o.values ?? []).map((v) => v.value),
    })),
    variants: sortVariantsByPrice(
      (product.variants ?? []).map((v) => ({
      ...toVariantDetail({
        ...v,
        options: (v.options ?? []).map((value) => ({
          ...value,
          option: { title: optionTitles.get(value.option_id ?? "") ?? "" },
        })),
      } as StoreVariant),
      tiers: tiersById.get(v.id) ?? [],
      })),
    ),
    categories: (product.categories ?? []).map((c) => ({ handle: c.handle, name: c.name })),
    currency: (product.variants?.[0]?.calculated_price?.currency_code ?? regionCurrency).toUpperCase(),
  };
}

/** One product by handle with prices and stock for the visitor's country; null when unknown. */
export function getProduct(handle: string, country: string = SHOP_COUNTRY): Promise<ProductDetail | null> {
  return cachedRead(`product:${country}:${handle}`, () => fetchProduct(handle, country));
}

async function fetchProduct(handle: string, country: string): Promise<ProductDetail | null> {
  const region = await getRegion(country);
  const { products } = await callBackend("retrieve product", () =>
    sdk.store.product.list({ handle, region_id: region.id, fields: PRODUCT_DETAIL_FIELDS, limit: 1 }),
  );
  const product = products[0];
  if (!product) return null;
  return toProductDetail(product, region.currencyCode, await fetchTierPrices(product.id, region.id));
}

/**
 * Quantity prices come from the shop's own route (the store product endpoints only
 * price quantity 1). They are cached with the product they belong to. Without them
 * the page still works, so a failure here shows no tiers instead of an error page.
 */
async function fetchTierPrices(productId: string, regionId: string): Promise<TierPricesResponse | null> {
  try {
    return await callBackend("product tier prices", () =>
      sdk.client.fetch<TierPricesResponse>(`/store/products/${encodeURIComponent(productId)}/tier-prices`, {
        query: { region_id: regionId },
      }),
    );
  } catch (error) {
    if (!(error instanceof BackendUnavailableError) && !(error instanceof BackendError)) throw error;
    console.error(`Storefront: no tier prices for ${productId}: ${error.message}`);
    return null;
  }
}

export type Category = { id: string; handle: string; name: string; description: string | null };

export function listCategories(): Promise<Category[]> {
  return cachedRead("categories", fetchCategories);
}

async function fetchCategories(): Promise<Category[]> {
  const { product_categories } = await callBackend("list categories", () =>
    sdk.store.category.list({ fields: "id,handle,name,description,rank", limit: 50, order: "rank" }),
  );
  return product_categories.map((c) => ({ id: c.id, handle: c.handle, name: c.name, description: c.description ?? null }));
}
