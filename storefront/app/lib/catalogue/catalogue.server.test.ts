import { FetchError } from "@medusajs/js-sdk";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Replace the real SDK client (which reads the environment) with stubs.
const regionList = vi.fn();
const productList = vi.fn();
const clientFetch = vi.fn();
vi.mock("../backend/backend.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../backend/backend.server")>()),
  sdk: { client: { fetch: clientFetch }, store: { region: { list: regionList }, product: { list: productList } } },
}));

const { BackendUnavailableError, loadFromBackend } = await import("../backend/backend.server");
const {
  getDefaultRegion,
  getProduct,
  resetCatalogueCache,
  listProducts,
  resetRegionCache,
  sortVariantsByPrice,
  storefrontImageUrl,
} = await import("./catalogue.server");

const REGIONS = {
  regions: [
    { id: "reg_be", name: "België", currency_code: "eur", countries: [{ iso_2: "be" }] },
    { id: "reg_nl", name: "Nederland", currency_code: "eur", countries: [{ iso_2: "nl" }] },
  ],
};

function variant(amount: number | null) {
  return { calculated_price: amount === null ? null : { calculated_amount: amount, currency_code: "eur" } };
}

beforeEach(() => {
  regionList.mockReset();
  productList.mockReset();
  clientFetch.mockReset();
  resetRegionCache();
  resetCatalogueCache();
});

describe("getDefaultRegion", () => {
  it("picks the region that contains the Netherlands and caches it", async () => {
    regionList.mockResolvedValue(REGIONS);
    await expect(getDefaultRegion()).resolves.toEqual({ id: "reg_nl", name: "Nederland", currencyCode: "EUR" });
    await getDefaultRegion();
    expect(regionList).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failure", async () => {
    regionList.mockRejectedValueOnce(new TypeError("fetch failed")).mockResolvedValueOnce(REGIONS);
    await expect(getDefaultRegion()).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(getDefaultRegion()).resolves.toMatchObject({ id: "reg_nl" });
    expect(regionList).toHaveBeenCalledTimes(2);
  });

  it("fails clearly when no region ships to the Netherlands", async () => {
    regionList.mockResolvedValue({ regions: [REGIONS.regions[0]] });
    await expect(getDefaultRegion()).rejects.toThrow(/no region contains country "nl"/);
  });
});

describe("listProducts", () => {
  it("asks for region prices and maps products to cards", async () => {
    regionList.mockResolvedValue(REGIONS);
    productList.mockResolvedValue({
      count: 2,
      products: [
        {
          id: "prod_1",
          handle: "straatbord",
          title: "Straatbord",
          subtitle: "Hier let de buurt op",
          thumbnail: "http://localhost:3000/images/products/bord.svg",
          variants: [variant(29.95), variant(19.95), variant(null)],
        },
        { id: "prod_2", handle: "sticker", title: "Sticker", subtitle: null, thumbnail: null, variants: [variant(1.5)] },
      ],
    });

    const result = await listProducts({ limit: 24, offset: 0, categoryId: "pcat_1" });

    expect(productList).toHaveBeenCalledWith(
      expect.objectContaining({
        region_id: "reg_nl",
        fields: "*variants.calculated_price,+variants.inventory_quantity,*categories",
        limit: 24,
        offset: 0,
        category_id: "pcat_1",
      }),
    );
    expect(result.count).toBe(2);
    expect(result.products).toEqual([
      {
        id: "prod_1",
        handle: "straatbord",
        title: "Straatbord",
        subtitle: "Hier let de buurt op",
        thumbnail: "/images/products/bord.svg",
        price: 19.95,
        hasPriceRange: true,
        currency: "EUR",
      },
      {
        id: "prod_2",
        handle: "sticker",
        title: "Sticker",
        subtitle: null,
        thumbnail: null,
        price: 1.5,
        hasPriceRange: false,
        currency: "EUR",
      },
    ]);
  });

  it("turns a refusal from the backend into BackendError (its status kept), a server error into BackendUnavailableError", async () => {
    regionList.mockResolvedValue(REGIONS);
    productList.mockRejectedValue(new FetchError("Unauthorized", "Unauthorized", 401));
    await expect(listProducts()).rejects.toMatchObject({ name: "BackendError", status: 401 });
    productList.mockRejectedValue(new FetchError("boom", "Internal Server Error", 500));
    await expect(listProducts()).rejects.toThrow(/list products \(HTTP 500\): boom/);
  });

  it("lets programming errors through unchanged", async () => {
    regionList.mockResolvedValue(REGIONS);
    productList.mockRejectedValue(new RangeError("bug"));
    await expect(listProducts()).rejects.toBeInstanceOf(RangeError);
  });
});

describe("storefrontImageUrl", () => {
  it("makes this storefront's product images root-relative and leaves others alone", () => {
    expect(storefrontImageUrl("http://localhost:3000/images/products/a.svg")).toBe("/images/products/a.svg");
    expect(storefrontImageUrl("https://cdn.example.nl/uploads/a.png")).toBe("https://cdn.example.nl/uploads/a.png");
    expect(storefrontImageUrl(null)).toBeNull();
  });
});

describe("loadFromBackend", () => {
  it("turns an unavailable backend into a 503 Response with a Dutch message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const thrown = await loadFromBackend(() => Promise.reject(new BackendUnavailableError("down"))).catch((e) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    expect((thrown as Response).headers.get("Cache-Control")).toBe("no-store");
    await expect((thrown as Response).text()).resolves.toMatch(/^De winkel is tijdelijk niet bereikbaar/);
    expect(log).toHaveBeenCalledWith("Storefront: Medusa backend unavailable: down");
    log.mockRestore();
  });

  it("passes results and other errors through", async () => {
    await expect(loadFromBackend(async () => 42)).resolves.toBe(42);
    await expect(loadFromBackend(() => Promise.reject(new RangeError("bug")))).rejects.toBeInstanceOf(RangeError);
  });
});

describe("getProduct with tier prices", () => {
  const SIGN = {
    id: "prod_sign",
    handle: "straatbord",
    title: "Straatbord",
    variants: [
      { id: "var_a", title: "A", sku: "A", options: [], calculated_price: { calculated_amount: 19.95, currency_code: "eur" } },
      { id: "var_b", title: "B", sku: "B", options: [], calculated_price: { calculated_amount: 29.95, currency_code: "eur" } },
    ],
  };
  const TIERS = {
    currency_code: "eur",
    is_tax_inclusive: true,
    variants: [
      {
        id: "var_a",
        tiers: [
          { min_quantity: 1, max_quantity: 4, amount: 19.95 },
          { min_quantity: 5, max_quantity: 9, amount: 18.55 },
          { min_quantity: 10, max_quantity: null, amount: 17.55 },
        ],
      },
      { id: "var_b", tiers: [{ min_quantity: 1, max_quantity: null, amount: 29.95 }] },
    ],
  };

  it("asks the tier route for the region and puts the tiers on each variant, cached with the product", async () => {
    regionList.mockResolvedValue(REGIONS);
    productList.mockResolvedValue({ products: [SIGN] });
    clientFetch.mockResolvedValue(TIERS);

    const product = await getProduct("straatbord");
    expect(clientFetch).toHaveBeenCalledWith("/store/products/prod_sign/tier-prices", { query: { region_id: "reg_nl" } });
    expect(product?.variants.map((v) => v.tiers)).toEqual([
      [
        { min: 1, max: 4, amount: 19.95 },
        { min: 5, max: 9, amount: 18.55 },
        { min: 10, max: null, amount: 17.55 },
      ],
      [],
    ]);

    await getProduct("straatbord");
    expect(clientFetch).toHaveBeenCalledTimes(1);
    expect(productList).toHaveBeenCalledTimes(1);
  });

  it("still shows the product, without tiers, when the tier route fails", async () => {
    regionList.mockResolvedValue(REGIONS);
    productList.mockResolvedValue({ products: [SIGN] });
    clientFetch.mockRejectedValue(new FetchError("Not Found", "Not Found", 404));
    const error = vi.spyOn(console, "error").mockImplementation(() => {});

    const product = await getProduct("straatbord");
    expect(product?.variants.map((v) => v.tiers)).toEqual([[], []]);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/no tier prices for prod_sign/));
    error.mockRestore();
  });

  it("leaves out tiers that are not incl. btw", async () => {
    regionList.mockResolvedValue(REGIONS);
    productList.mockResolvedValue({ products: [SIGN] });
    clientFetch.mockResolvedValue({ ...TIERS, is_tax_inclusive: false });
    const product = await getProduct("straatbord");
    expect(product?.variants[0]?.tiers).toEqual([]);
  });

  it("does not ask for tiers of an unknown product", async () => {
    regionList.mockResolvedValue(REGIONS);
    productList.mockResolvedValue({ products: [] });
    await expect(getProduct("bestaat-niet")).resolves.toBeNull();
    expect(clientFetch).not.toHaveBeenCalled();
  });
});

describe("sortVariantsByPrice", () => {
  it("lists the variants cheapest first, unpriced last, equal prices in Medusa's order", () => {
    const variants = [
      { id: "4060-dib", price: 36.95 },
      { id: "geen-prijs", price: null },
      { id: "3045-alu", price: 19.95 },
      { id: "4060-alu", price: 29.95 },
      { id: "3045-dib", price: 24.95 },
      { id: "ook-1995", price: 19.95 },
    ];
    expect(sortVariantsByPrice(variants).map((v) => v.id)).toEqual(["3045-alu", "ook-1995", "3045-dib", "4060-alu", "4060-dib", "geen-prijs"]);
  });
});
