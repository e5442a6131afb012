import { type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { GroupList } from "~/components/groups/GroupList";
import { GroupMap, groupMapLinks } from "~/components/groups/GroupMap";
import { Pagination, useFocusAfterPageChange } from "~/components/groups/Pagination";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { getConfig } from "~/lib/config.server";
import { formatGroupCount, parsePage } from "~/lib/groups/group-view";
import { getMunicipality, searchGroups } from "~/lib/groups/groups.server";
import { directoryCacheHeaders } from "~/lib/request/headers";
import { canonicalUrl, seoMeta } from "~/lib/seo/seo";
import { ogImagePath } from "~/lib/seo/og-image";
import { PAGE_TITLE } from "~/components/PageTitle";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const links: LinksFunction = () => groupMapLinks;

export const headers: HeadersFunction = ({ parentHeaders }) => directoryCacheHeaders(parentHeaders);

const pageHref = (slug: string, page: number) => `/gemeenten/${slug}${page > 1 ? `?pagina=${page}` : ""}`;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const page = parsePage(new URL(request.url).searchParams.get("pagina"));
  const lookup = await loadFromBackend(() => getMunicipality(slug));
  if (lookup.kind === "not_found") throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  // Renamed or merged: the successor's page is the one address from now on.
  if (lookup.kind === "moved") throw redirect(pageHref(lookup.slug, page), 301);

  const { municipality } = lookup;
  const result = await loadFromBackend(() => searchGroups({ query: { kind: "none" }, page, gemeente: municipality.slug }));
  if (result.count > 0 && page > result.pagination.pageCount) throw redirect(pageHref(municipality.slug, result.pagination.pageCount));

  const count = Math.max(municipality.groupCount, result.count);
  const markers = result.groups.flatMap((g) =>
    g.lat !== null && g.lng !== null ? [{ slug: g.slug, name: g.name, woonplaats: g.woonplaats, lat: g.lat, lng: g.lng, members: g.memberCount }] : [],
  );
  return {
    municipality,
    count,
    countLabel: formatGroupCount(count),
    groups: result.groups,
    pagination: result.pagination,
    markers,
    map: getConfig().map,
    seo: {
      title: `Buurtpreventie in ${municipality.name}`,
      description:
        count > 0
          ? `${formatGroupCount(count)} voor buurtpreventie in de gemeente ${municipality.name}. Vind de groep van jouw straat en stuur de beheerder een bericht.`
          : `Nog geen WhatsApp-buurtpreventiegroep in de gemeente ${municipality.name} op de kaart. Meld je eigen groep aan.`,
      canonical: `${canonicalUrl(getSiteUrl(), `/gemeenten/${municipality.slug}`)}${page > 1 ? `?pagina=${page}` : ""}`,
      image: { url: canonicalUrl(getSiteUrl(), ogImagePath("gemeente", municipality.slug)), alt: `Buurtpreventie in ${municipality.name}` },
    },
  };
}

export default function MunicipalityPage() {
  const { municipality, count, countLabel, groups, pagination, markers, map } = useLoaderData<typeof loader>();
  // after Vorige/Volgende: focus on the list's heading
  const listHeading = useFocusAfterPageChange<HTMLHeadingElement>();
  return (
    <>
      <div className="border-b border-slate-200 bg-brand-blue-light">
        <div className="mx-auto max-w-6xl px-4 pt-6 pb-10 sm:pb-12">
          <Breadcrumbs items={[{ label: "Groepen", to: "/groepen" }, { label: "Gemeenten", to: "/gemeenten" }, { label: municipality.name }]} />
          <p className="mt-6 text-sm font-semibold tracking-wide text-brand-blue uppercase">
            {municipality.province ? `Gemeente in ${municipality.province}` : "Gemeente"}
          </p>
          <h1 className={`mt-2 max-w-3xl text-balance sm:text-4xl ${PAGE_TITLE}`}>
            Buurtpreventie in {municipality.name}
          </h1>
          <p data-testid="group-count" className="mt-4 text-xl font-semibold text-slate-900">
            {countLabel}
          </p>
          {municipality.predecessors.length ? (
            <p className="mt-2 max-w-2xl text-slate-700">
              Inclusief de groepen uit de voormalige {municipality.predecessors.length === 1 ? "gemeente" : "gemeenten"}{" "}
              {municipality.predecessors.map((p) => p.name).join(", ")}.
            </p>
          ) : null}
          {municipality.places.length > 1 ? (
            <p className="mt-2 max-w-2xl text-slate-700">
              Woonplaatsen: {municipality.places.slice(0, 40).join(", ")}
              {municipality.places.length > 40 ? " en meer" : ""}.
            </p>
          ) : null}
        </div>
      </div>

      <div className="mx-auto grid max-w-6xl gap-10 px-4 pt-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <section aria-labelledby="groepen">
          <h2 id="groepen" ref={listHeading} tabIndex={-1} className="text-2xl font-bold text-slate-900">
            WhatsApp-groepen in {municipality.name}
          </h2>
          {count > 0 ? (
            <>
              <p className="mt-2 mb-4 font-semibold text-slate-800">{pagination.label}</p>
              <GroupList groups={groups} headingLevel={3} />
              <Pagination
                label={pagination.label}
                page={pagination.page}
                pageCount={pagination.pageCount}
                previousPage={pagination.previousPage}
                nextPage={pagination.nextPage}
                hrefFor={(page) => pageHref(municipality.slug, page)}
              />
            </>
          ) : (
            <p className="mt-4 rounded-xl border border-slate-200 bg-slate-50 p-6 text-lg text-slate-800">
              Er staat nog geen groep uit {municipality.name} op de kaart.
            </p>
          )}
        </section>

        <aside aria-label={`Kaart en aanmelden voor ${municipality.name}`} className="space-y-6 lg:sticky lg:top-6 lg:self-start">
          {markers.length ? (
            <GroupMap
              settings={map}
              label={`Kaart met de groepen in ${municipality.name}`}
              markers={markers}
              className="h-80 lg:h-96"
            >
              <p>De kaart toont de groepen uit de lijst op deze pagina.</p>
            </GroupMap>
          ) : null}
          <div className="rounded-xl border-2 border-brand-yellow bg-white p-5">
            <h2 className="text-lg font-bold text-slate-900">Woon je in {municipality.name}?</h2>
            <p className="mt-1 text-slate-700">
              Zoek op je postcode welke groep het dichtst bij je is, of meld je eigen WhatsApp-groep aan.
            </p>
            <div className="mt-4 flex flex-wrap gap-3">
              <Link to="/groepen" className="inline-flex rounded-lg bg-brand-blue px-4 py-2.5 font-semibold text-white hover:bg-brand-blue-dark">
                Zoek op postcode
              </Link>
              <Link
                to="/groepen/aanmelden"
                className="inline-flex rounded-lg border-2 border-brand-blue bg-white px-4 py-2 font-semibold text-brand-blue hover:bg-brand-blue-light"
              >
                Groep aanmelden
              </Link>
            </div>
          </div>
        </aside>
      </div>
    </>
  );
}
