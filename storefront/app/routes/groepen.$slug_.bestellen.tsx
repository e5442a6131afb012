import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { Button } from "~/components/Button";
import { CartForm } from "~/components/CartForm";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getGroup } from "~/lib/groups/groups.server";
import { privatePageHeaders } from "~/lib/request/headers";
import { STOREFRONT_NAME } from "~/lib/site";
import { PAGE_TITLE } from "~/components/PageTitle";

/**
 * /groepen/:slug/bestellen: order signs for a group. The group page's button posts here;
 * "Mijn groep" can link here (GET shows a confirm button, so ordering also works without
 * JavaScript). The confirm button posts to the one cart action (intent set-group), which
 * puts the group on the visitor's cart and continues in the Borden category.
 */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Bestellen voor ${data?.group.name ?? "een buurtgroep"} | ${STOREFRONT_NAME}` },
  { name: "robots", content: "noindex" },
];

export const headers = privatePageHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const group = await loadFromBackend(() => getGroup(params.slug ?? ""));
  if (!group) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  return { group: { slug: group.slug, name: group.name, woonplaats: group.woonplaats, gemeente: group.gemeente, gemeenteSlug: group.gemeenteSlug } };
}

export default function OrderForGroupPage() {
  const { group } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Breadcrumbs
        items={[
          { label: "Groepen", to: "/groepen" },
          { label: group.gemeente, to: `/gemeenten/${group.gemeenteSlug}` },
          { label: group.name, to: `/groepen/${group.slug}` },
          { label: "Bestellen" },
        ]}
      />
      <h1 className={`mt-6 ${PAGE_TITLE}`}>Borden bestellen voor {group.name}</h1>
      <p className="mt-4 text-lg text-slate-700">
        Je bestelling wordt gekoppeld aan buurtgroep {group.name} in {group.woonplaats}. Op de pagina van de groep staat
        daarna hoeveel borden er in de buurt zijn besteld; je naam en adres staan daar niet.
      </p>
      <CartForm
        intent="set-group"
        fields={{ group: group.slug, next: "/winkel/borden", back: `/groepen/${group.slug}/bestellen` }}
        className="mt-8 flex flex-wrap items-center gap-4"
      >
        <Button type="submit" disabled={busy} className="text-lg">
          Bestellen voor deze buurtgroep
        </Button>
        <Link to={`/groepen/${group.slug}`} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          Terug naar de groep
        </Link>
      </CartForm>
    </div>
  );
}
