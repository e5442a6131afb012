import { useNavigation } from "@remix-run/react";
import { CartForm } from "~/components/CartForm";
import { Price } from "~/components/Price";
import type { ProductSummary } from "~/lib/catalogue/catalogue.server";
import type { MemberSuggestions } from "~/lib/groups/group-share.server";
import { memberPagePath } from "~/lib/groups/group-share";

/**
 * The members' page choices: stickers first (the window sticker for their own door on
 * top), then signs for the street. Each is a form to the one cart action (intent set-group),
 * which puts the group on the cart and goes on to the product (works without JavaScript).
 */
export function MemberOrderChoices({ slug, suggestions }: { slug: string; suggestions: MemberSuggestions }) {
  return (
    <div className="mt-8 space-y-10">
      <ChoiceList
        id="voor-je-deur"
        title="Voor je eigen deur"
        intro="Een raamsticker laat zien dat jouw huis meedoet. De meeste leden beginnen hiermee."
        slug={slug}
        products={suggestions.stickers}
        featureFirst
      />
      <ChoiceList
        id="voor-de-straat"
        title="Voor de straat"
        intro="Straatborden bestel je meestal samen met de buren: overleg in de groep wie wat bestelt."
        slug={slug}
        products={suggestions.signs}
      />
    </div>
  );
}

function ChoiceList({
  id,
  title,
  intro,
  slug,
  products,
  featureFirst = false,
}: {
  id: string;
  title: string;
  intro: string;
  slug: string;
  products: ProductSummary[];
  featureFirst?: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  if (!products.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-2xl font-bold text-slate-900">
        {title}
      </h2>
      <p className="mt-1 text-slate-700">{intro}</p>
      <ul role="list" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {products.map((product, index) => {
          const featured = featureFirst && index === 0;
          return (
            <li
              key={product.id}
              data-testid="member-choice"
              className={`flex flex-col rounded-xl border-2 bg-white p-4 ${featured ? "border-brand-blue sm:col-span-2 lg:col-span-1" : "border-slate-200"}`}
            >
              {featured ? <p className="mb-2 text-sm font-bold text-brand-blue uppercase">Aanrader voor leden</p> : null}
              {product.thumbnail ? (
                <img src={product.thumbnail} alt="" width={160} height={160} loading="lazy" className="mx-auto h-32 w-32 object-contain" />
              ) : null}
              <h3 className="mt-3 text-lg font-bold text-slate-900">{product.title}</h3>
              {product.subtitle ? <p className="text-slate-700">{product.subtitle}</p> : null}
              <Price amount={product.price} currency={product.currency} from={product.hasPriceRange} className="mt-1" />
              <CartForm
                intent="set-group"
                fields={{ group: slug, next: `/producten/${product.handle}`, back: memberPagePath(slug) }}
                className="mt-auto pt-4"
              >
                <button
                  type="submit"
                  disabled={busy}
                  className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-blue px-4 py-2.5 font-bold text-white hover:bg-brand-blue-dark disabled:opacity-60"
                >
                  Kies dit<span className="sr-only">: {product.title}</span>
                </button>
              </CartForm>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
