import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MemberOrderChoices } from "~/components/groups/MemberOrderChoices";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { PAGE_TITLE } from "~/components/PageTitle";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { orderedInNeighbourhoodLabel } from "~/lib/groups/group-share";
import { memberSuggestions } from "~/lib/groups/group-share.server";
import { getGroup } from "~/lib/groups/groups.server";
import { directoryCacheHeaders } from "~/lib/request/headers";
import { ogImagePath } from "~/lib/seo/og-image";
import { canonicalUrl, seoMeta } from "~/lib/seo/seo";

/**
 * /groepen/:slug/meedoen: the page a group's order link (shared in its WhatsApp chat)
 * lands on. What the group is, what suits a member (a window sticker for their own door
 * first), and how much the neighbourhood ordered. Each choice is a form to the one cart
 * action (intent set-group): it puts the group on the cart (so the order counts for the
 * group) and goes on to the product.
 */
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);
export const headers: HeadersFunction = ({ parentHeaders }) => directoryCacheHeaders(parentHeaders);

export async function loader({ params }: LoaderFunctionArgs) {
  const [group, suggestions] = await Promise.all([loadFromBackend(() => getGroup(params.slug ?? "")), loadFromBackend(memberSuggestions)]);
  if (!group) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  return {
    group: { slug: group.slug, name: group.name, woonplaats: group.woonplaats, gemeente: group.gemeente, gemeenteSlug: group.gemeenteSlug },
    ordered: orderedInNeighbourhoodLabel(group.signsOrdered, group.stickersOrdered),
    suggestions,
    seo: {
      title: `Bestellen met ${group.name}`,
      description: `Voor leden van ${group.name} in ${group.woonplaats}: een raamsticker voor je deur of een bord voor de straat. Je bestelling telt mee voor de groep.`,
      canonical: canonicalUrl(getSiteUrl(), `/groepen/${group.slug}/meedoen`),
      image: { url: canonicalUrl(getSiteUrl(), ogImagePath("groep", group.slug)), alt: `${group.name} in ${group.woonplaats}` },
    },
  };
}

export default function MembersPage() {
  const { group, ordered, suggestions } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <Breadcrumbs
        items={[
          { label: "Groepen", to: "/groepen" },
          { label: group.gemeente, to: `/gemeenten/${group.gemeenteSlug}` },
          { label: group.name, to: `/groepen/${group.slug}` },
          { label: "Meedoen" },
        ]}
      />
      <p className="mt-6 text-sm font-semibold tracking-wide text-brand-blue uppercase">Voor leden van de WhatsApp-groep</p>
      <h1 className={`mt-2 text-balance ${PAGE_TITLE}`}>Doe mee met {group.name}</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-700">
        {group.name} is een WhatsApp-buurtpreventiegroep in {group.woonplaats}: buren die samen opletten en elkaar waarschuwen. Met
        een sticker op je raam en borden in de straat laat de buurt zien dat hier wordt opgelet.
      </p>
      <p className="mt-4 max-w-2xl rounded-lg bg-brand-blue-light p-4 text-slate-900">
        Wat je hier bestelt, telt mee voor {group.name}. De groep ziet alleen hoeveel er is besteld, nooit je naam of adres.
      </p>
      {ordered ? (
        <p className="mt-4 text-xl font-bold text-slate-900" data-testid="member-ordered">
          {ordered}
        </p>
      ) : null}
      <MemberOrderChoices slug={group.slug} suggestions={suggestions} />
      <p className="mt-10">
        <Link to={`/groepen/${group.slug}`} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          Meer over {group.name}
        </Link>
        {" · "}
        <Link to="/gedragsregels" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          Gedragsregels van de groepen
        </Link>
      </p>
    </div>
  );
}
