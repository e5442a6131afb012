import { Link } from "@remix-run/react";
import type { ProductSummary } from "~/lib/catalogue/catalogue.server";
import { FETCH_PRIORITY_HIGH } from "~/lib/document/fetch-priority";
import { Price } from "./Price";

type ProductCardProps = {
  product: ProductSummary;
  /** Load the image eagerly (cards in the first screen). */
  eager?: boolean;
  /** The page's largest image on a phone (its first card): fetched ahead of everything else. */
  priority?: boolean;
  /** Heading level of the title inside the page outline. */
  headingLevel?: 2 | 3;
};

/** A product tile; the title link covers the whole card (focus ring drawn around the card). */
export function ProductCard({ product, eager = false, priority = false, headingLevel = 3 }: ProductCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article
      data-testid="product-card"
      className="relative flex w-full flex-col rounded-xl border border-slate-200 bg-white shadow-sm transition-shadow hover:shadow-md"
    >
      <div className="aspect-square overflow-hidden rounded-t-xl bg-brand-blue-light">
        {product.thumbnail ? (
          <img
            src={product.thumbnail}
            alt={product.title}
            width={600}
            height={600}
            loading={eager || priority ? "eager" : "lazy"}
            decoding="async"
            {...(priority ? FETCH_PRIORITY_HIGH : {})}
            className="h-full w-full object-contain"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-4">
        <Heading className="text-lg leading-snug font-semibold text-brand-blue">
          <Link
            to={`/producten/${product.handle}`}
            prefetch="intent"
            className="after:absolute after:inset-0 after:rounded-xl hover:underline focus-visible:outline-none focus-visible:after:outline-3 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-blue focus-visible:after:outline-solid"
          >
            {product.title}
          </Link>
        </Heading>
        {product.subtitle ? <p className="text-sm text-slate-700">{product.subtitle}</p> : null}
        <Price
          amount={product.price}
          currency={product.currency}
          from={product.hasPriceRange}
          className="mt-auto pt-3"
        />
      </div>
    </article>
  );
}
