import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { CategoryNav } from "~/components/CategoryNav";
import { ProductCard } from "~/components/ProductCard";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { listCategories, listProducts } from "~/lib/catalogue/catalogue.server";
import { STOREFRONT_NAME } from "~/lib/site";
import { PAGE_TITLE } from "~/components/PageTitle";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.category.name} | ${STOREFRONT_NAME}` },
        { name: "description", content: data.category.description ?? `${data.category.name} voor WhatsApp-buurtpreventie.` },
      ]
    : [{ title: `Categorie niet gevonden | ${STOREFRONT_NAME}` }];

export async function loader({ params }: LoaderFunctionArgs) {
  const categories = await loadFromBackend(() => listCategories());
  const category = categories.find((c) => c.handle === params.category);
  if (!category) throw new Response("Niet gevonden", { status: 404 });
  const { products } = await loadFromBackend(() => listProducts({ limit: 100, categoryId: category.id }));
  return { category, categories, products };
}

export default function CategoryPage() {
  const { category, categories, products } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <Breadcrumbs items={[{ label: "Winkel", to: "/" }, { label: category.name }]} />
      <h1 className={`mt-4 ${PAGE_TITLE}`}>{category.name}</h1>
      {category.description ? <p className="mt-2 max-w-2xl text-lg text-slate-700">{category.description}</p> : null}
      <div className="mt-6">
        <CategoryNav categories={categories} />
      </div>
      {products.length === 0 ? (
        <p className="mt-8 text-slate-700">In deze categorie staan nog geen producten.</p>
      ) : (
        <ul role="list" className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {products.map((product, index) => (
            <li key={product.id} className="flex">
              <ProductCard product={product} eager={index < 4} priority={index === 0} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
