import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { Button } from "~/components/Button";
import { ensureSharedCart } from "~/lib/add-to-cart.server";
import { CartError, setCartGroup } from "~/lib/cart.server";
import { loadFromBackend } from "~/lib/backend.server";
import { getGroup } from "~/lib/groups.server";
import { privatePageHeaders } from "~/lib/headers";
import { STOREFRONT_NAME } from "~/lib/site";
import { PAGE_TITLE } from "~/components/PageTitle";

/**
 * /groepen/:slug/bestellen: order signs for a group. The group page's button posts here;
 * "Mijn groep" can link here (GET shows a confirm button, so ordering also works without
 * JavaScript). The POST puts the group on the visitor's cart and continues in the
 * Borden category.
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

export async function action({ params, context }: ActionFunctionArgs) {
  const { session } = context;
  try {
    // the visitor's one cart, shared with an add that may be under way (add-to-cart.server.ts)
    await ensureSharedCart(session);
    const group = await loadFromBackend(() => setCartGroup(session, params.slug ?? ""));
    session.flash("notice", { kind: "info", message: `Je bestelt nu voor buurtgroep ${group.name}. Kies hieronder je borden.` });
    return redirect("/winkel/borden", { status: 303 });
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    // A new cart may have been created before the refusal: the request context keeps it in the session.
    return data({ error: error.message }, { status: 400 });
  }
}

export default function OrderForGroupPage() {
  const { group } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      {actionData?.error ? (
        <p role="alert" className="mt-6 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="mt-8 flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={busy} className="text-lg">
          Bestellen voor deze buurtgroep
        </Button>
        <Link to={`/groepen/${group.slug}`} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          Terug naar de groep
        </Link>
      </Form>
    </div>
  );
}
