import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CategoryNav } from "~/components/CategoryNav";
import { ProductCard } from "~/components/ProductCard";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { listCategories, listProducts } from "~/lib/catalogue/catalogue.server";
import { homeSeo, seoMeta } from "~/lib/seo/seo";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { PAGE_TITLE } from "~/components/PageTitle";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

// The page shows the visitor's cart count (from the session cookie): never share it between visitors.
// Error responses get "no-store" in entry.server.tsx.
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-cache",
});

export async function loader() {
  const [{ products, count }, categories] = await loadFromBackend(() =>
    Promise.all([listProducts({ limit: 24 }), listCategories()]),
  );
  return { products, count, categories, seo: homeSeo(getSiteUrl()) };
}

export default function ShopHome() {
  const { products, categories } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="border-b border-slate-200 bg-brand-blue-light">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:py-14">
          <p className="text-sm font-semibold tracking-wide text-brand-blue uppercase">Samen letten we op de buurt</p>
          <h1 className={`mt-2 max-w-3xl sm:text-4xl ${PAGE_TITLE}`}>
            Borden en stickers voor WhatsApp-buurtpreventie
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            Laat zien dat jouw straat oplet. Stevige aluminium straatborden, raam- en autostickers en complete
            pakketten voor de hele buurt, snel in huis.
          </p>
        </div>
      </section>

      <section aria-labelledby="assortiment" className="mx-auto max-w-6xl px-4 pt-10">
        <h2 id="assortiment" className="text-2xl font-bold text-slate-900">
          Assortiment
        </h2>
        <div className="mt-4">
          <CategoryNav categories={categories} />
        </div>
        {products.length === 0 ? (
          <p className="mt-4 text-slate-700">Er staan nog geen producten in de winkel. Kom binnenkort terug!</p>
        ) : (
          <ul role="list" className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
            {products.map((product, index) => (
              <li key={product.id} className="flex">
                <ProductCard product={product} eager={index < 4} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
