import { randomBytes } from "node:crypto";
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { AddToCartForm } from "~/components/AddToCartForm";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { Button } from "~/components/Button";
import { StockBadge } from "~/components/StockBadge";
import { DeliveryPromise } from "~/components/DeliveryPromise";
import { loadDelivery } from "~/lib/checkout/delivery.server";
import { TierPrices } from "~/components/TierPrices";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getProduct, type VariantDetail } from "~/lib/catalogue/catalogue.server";
import { formatMoney } from "~/lib/format";
import { STOREFRONT_NAME } from "~/lib/site";
import { MAX_LINE_QUANTITY } from "~/lib/catalogue/stock";
import { PAGE_TITLE } from "~/components/PageTitle";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { productSeo, seoMeta } from "~/lib/seo/seo";
import { FETCH_PRIORITY_HIGH } from "~/lib/document/fetch-priority";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  seoMeta(data?.seo, [{ title: `Product niet gevonden | ${STOREFRONT_NAME}` }]);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const [product, delivery] = await loadFromBackend(() => Promise.all([getProduct(params.handle!, context.country), loadDelivery()]));
  if (!product) throw new Response("Niet gevonden", { status: 404 });
  const wanted = new URL(request.url).searchParams.get("variant");
  const selected =
    product.variants.find((v) => v.id === wanted) ??
    product.variants.find((v) => v.stock === null || v.stock > 0) ??
    product.variants[0];
  const lines = context.cart.lines;
  const inCart = Object.fromEntries(product.variants.filter((v) => lines[v.id]).map((v) => [v.id, lines[v.id]!]));
  const payload = {
    product,
    seo: productSeo(product, getSiteUrl()),
    selectedId: selected?.id ?? null,
    delivery,
    country: context.country,
    inCart,
    // The add key of the form without JavaScript (the browser makes its own per click).
    addKey: randomBytes(16).toString("hex"),
  };
  // The visitor's cart identity exists before the first add is answered: an add whose answer
  // never arrives (the page was left) still lands in this visitor's cart, and its re-send is
  // recognised. Such an answer is never micro-cached (it sets a cookie).
  context.session.handOutIdentity();
  return payload;
}

/** schema.org Product data for search engines (prices incl. btw, stock per variant). */
function productJsonLd(product: ReturnType<typeof useLoaderData<typeof loader>>["product"]) {
  const prices = product.variants.map((v) => v.price).filter((p): p is number => p !== null);
  const inStock = product.variants.some((v) => v.stock === null || v.stock > 0);
  // Variants with quantity prices: one Offer each, its tiers as unit price specifications.
  const tierOffers = product.variants
    .filter((v) => v.tiers.length > 1 && v.price !== null)
    .map((v) => ({
      "@type": "Offer",
      sku: v.sku ?? undefined,
      price: v.price!.toFixed(2),
      priceCurrency: product.currency,
      availability: v.stock === 0 ? "https://schema.org/OutOfStock" : "https://schema.org/InStock",
      priceSpecification: v.tiers.map((t) => ({
        "@type": "UnitPriceSpecification",
        price: t.amount.toFixed(2),
        priceCurrency: product.currency,
        valueAddedTaxIncluded: true,
        eligibleQuantity: {
          "@type": "QuantitativeValue",
          minValue: t.min,
          ...(t.max !== null ? { maxValue: t.max } : {}),
          unitCode: "C62",
        },
      })),
    }));
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description ?? product.subtitle ?? undefined,
    image: product.images,
    sku: product.variants[0]?.sku ?? undefined,
    brand: { "@type": "Brand", name: STOREFRONT_NAME },
    offers: {
      "@type": "AggregateOffer",
      priceCurrency: product.currency,
      lowPrice: prices.length ? Math.min(...prices).toFixed(2) : undefined,
      highPrice: prices.length ? Math.max(...prices).toFixed(2) : undefined,
      offerCount: product.variants.length,
      availability: inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      ...(tierOffers.length ? { offers: tierOffers } : {}),
    },
  };
}

function variantLabel(variant: VariantDetail): string {
  const values = Object.values(variant.options);
  return values.length ? values.join(" · ") : variant.title;
}

export default function ProductPage() {
  const { product, selectedId, delivery, country, inCart, addKey } = useLoaderData<typeof loader>();
  const [chosenId, setChosenId] = useState(selectedId);
  const [quantity, setQuantity] = useState(1);
  const chosen = product.variants.find((v) => v.id === chosenId) ?? product.variants[0];
  const soldOut = !chosen || chosen.stock === 0;
  const category = product.categories[0];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <script
        type="application/ld+json"
        // JSON.stringify output with "<" escaped cannot close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(productJsonLd(product)).replace(/</g, "\\u003c") }}
      />
      <Breadcrumbs
        items={[
          { label: "Winkel", to: "/" },
          ...(category ? [{ label: category.name, to: `/winkel/${category.handle}` }] : []),
          { label: product.title },
        ]}
      />
      <div className="mt-6 grid gap-10 md:grid-cols-2">
        <div className="aspect-square overflow-hidden rounded-xl bg-brand-blue-light">
          {product.images[0] ? (
            <img src={product.images[0]} alt={product.title} width={600} height={600} className="h-full w-full object-contain" {...FETCH_PRIORITY_HIGH} />
          ) : null}
        </div>

        <div>
          <h1 className={PAGE_TITLE}>{product.title}</h1>
          {product.subtitle ? <p className="mt-2 text-lg text-slate-700">{product.subtitle}</p> : null}

          <p className="mt-6 flex items-baseline gap-3">
            <span data-testid="product-price" className="text-3xl font-bold text-slate-950">
              {chosen?.price != null ? formatMoney(chosen.price, product.currency) : "Prijs op aanvraag"}
            </span>
            <span className="text-sm text-slate-700">incl. 21% btw</span>
          </p>
          {chosen ? <StockBadge stock={chosen.stock} className="mt-2" /> : null}
          {chosen ? (
            <TierPrices
              tiers={chosen.tiers}
              currency={product.currency}
              variantLabel={product.variants.length > 1 ? variantLabel(chosen) : undefined}
              quantity={quantity}
              className="mt-6"
            />
          ) : null}

          <AddToCartForm
            handle={product.handle}
            addKey={addKey}
            pendingTitle={chosen ? `${product.title} (${chosen.title})` : product.title}
            stockOf={(id) => product.variants.find((v) => v.id === id)?.stock ?? null}
            inCart={inCart}
            className="mt-8 space-y-6"
          >
            {product.variants.length > 1 ? (
              <fieldset>
                <legend className="font-semibold text-slate-900">
                  Kies {product.options.map((o) => o.title.toLowerCase()).join(" en ")}
                </legend>
                <div className="mt-3 grid gap-2">
                  {product.variants.map((variant) => {
                    const unavailable = variant.stock === 0;
                    return (
                      <label
                        key={variant.id}
                        className={`flex cursor-pointer items-center gap-3 rounded-lg border-2 p-3 has-[:checked]:border-brand-blue has-[:checked]:bg-brand-blue-light has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-blue ${
                          unavailable ? "cursor-not-allowed border-slate-200 text-slate-500" : "border-slate-300"
                        }`}
                      >
                        <input
                          type="radio"
                          name="variantId"
                          value={variant.id}
                          defaultChecked={variant.id === selectedId}
                          disabled={unavailable}
                          onChange={() => setChosenId(variant.id)}
                          className="h-5 w-5 accent-brand-blue"
                        />
                        <span className="flex-1">
                          <span className="block font-medium">{variantLabel(variant)}</span>
                          <StockBadge stock={variant.stock} />
                        </span>
                        <span className="font-semibold">
                          {variant.price != null ? formatMoney(variant.price, product.currency) : ""}
                        </span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            ) : chosen ? (
              <input type="hidden" name="variantId" value={chosen.id} />
            ) : null}

            <div className="flex flex-wrap items-end gap-4">
              <div>
                <label htmlFor="quantity" className="block font-semibold text-slate-900">
                  Aantal
                </label>
                <input
                  id="quantity"
                  name="quantity"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={chosen?.stock ? Math.min(chosen.stock, MAX_LINE_QUANTITY) : MAX_LINE_QUANTITY}
                  defaultValue={1}
                  onChange={(event) => setQuantity(Math.max(1, Math.floor(Number(event.target.value)) || 1))}
                  required
                  className="mt-1 w-24 rounded-lg border-2 border-slate-400 px-3 py-2.5 text-lg"
                />
              </div>
              <Button type="submit" disabled={soldOut} className="min-w-48 text-lg">
                {soldOut ? "Uitverkocht" : "In winkelmand"}
              </Button>
            </div>
          </AddToCartForm>
          <DeliveryPromise info={delivery} country={country} className="mt-4" />

          {product.description ? (
            <section aria-labelledby="omschrijving" className="mt-10">
              <h2 id="omschrijving" className="text-xl font-bold text-slate-900">
                Omschrijving
              </h2>
              <p className="mt-2 leading-relaxed text-slate-800">{product.description}</p>
            </section>
          ) : null}
          <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm text-slate-800">
            {product.material ? (
              <>
                <dt className="font-semibold">Materiaal</dt>
                <dd>{product.material}</dd>
              </>
            ) : null}
            {chosen?.sku ? (
              <>
                <dt className="font-semibold">Artikelnummer</dt>
                <dd>{chosen.sku}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>
    </div>
  );
}
