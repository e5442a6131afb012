import { type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GroupList } from "~/components/groups/GroupList";
import { GroupMap, groupMapLinks } from "~/components/groups/GroupMap";
import { Pagination, useFocusAfterPageChange } from "~/components/groups/Pagination";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { getConfig } from "~/lib/config.server";
import { parsePage, parseSearchQuery, type SearchQuery } from "~/lib/groups/group-view";
import { searchGroups } from "~/lib/groups/groups.server";
import { directoryCacheHeaders } from "~/lib/request/headers";
import { MAX_QUERY_LENGTH } from "~/lib/groups/group-view";
import { formatNumber } from "~/lib/format";
import { canonicalUrl, seoMeta } from "~/lib/seo/seo";
import { PAGE_TITLE } from "~/components/PageTitle";
import { ListMapSwitch, parseDirectoryView } from "~/components/groups/ListMapSwitch";
import type { RefObject } from "react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const links: LinksFunction = () => groupMapLinks;

export const headers: HeadersFunction = ({ parentHeaders }) => directoryCacheHeaders(parentHeaders);



/** The list's URL for a search and page: /groepen?zoek=3511&pagina=2. */
function listHref(search: string, page: number): string {
  const params = new URLSearchParams();
  if (search) params.set("zoek", search);
  if (page > 1) params.set("pagina", String(page));
  const query = params.toString();
  return query ? `/groepen?${query}` : "/groepen";
}

function searchText(query: SearchQuery): string {
  return query.kind === "postcode" ? query.display : query.kind === "text" ? query.q : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseSearchQuery(url.searchParams.get("zoek"));
  const page = parsePage(url.searchParams.get("pagina"));
  const view = parseDirectoryView(url.searchParams.get("weergave"));
  const [result, all] = await loadFromBackend(() =>
    Promise.all([
      searchGroups({ query, page }),
      query.kind === "none" ? null : searchGroups({ query: { kind: "none" }, page: 1 }),
    ]),
  );
  const search = searchText(query);
  // Past the last page (an old link): go to the last page there is.
  if (result.count > 0 && page > result.pagination.pageCount) {
    throw redirect(listHref(search, result.pagination.pageCount));
  }
  const totalCount = all?.count ?? result.count;
  const focus = query.kind === "none" ? [] : result.groups.flatMap((g) => (g.lat !== null && g.lng !== null ? [{ lat: g.lat, lng: g.lng }] : []));

  const siteUrl = getSiteUrl();
  const pageSuffix = query.kind === "none" && page > 1 ? `?pagina=${page}` : "";
  return {
    query,
    search,
    view,
    page,
    groups: result.groups,
    count: result.count,
    pagination: result.pagination,
    origin: result.origin,
    totalCount,
    focus,
    map: getConfig().map,
    seo: {
      title:
        query.kind === "postcode"
          ? `Buurtpreventiegroepen bij ${query.display}`
          : query.kind === "text"
            ? `Buurtpreventiegroepen: ${query.q}`
            : page > 1
              ? `WhatsApp-buurtpreventiegroepen – pagina ${page}`
              : "WhatsApp-buurtpreventiegroepen in Nederland",
      description: `Vind de WhatsApp-buurtpreventiegroep van jouw straat: ${formatNumber(totalCount)} groepen in heel Nederland, te zoeken op postcode, woonplaats of naam.`,
      canonical: `${canonicalUrl(siteUrl, "/groepen")}${pageSuffix}`,
      // Search results are for visitors, not for search engines.
      noindex: query.kind !== "none",
    },
  };
}

/** The results' heading; after a Vorige/Volgende page change it takes focus (headingRef, tabIndex -1). */
function ResultsHeading({ data, headingRef }: { data: ReturnType<typeof useLoaderData<typeof loader>>; headingRef: RefObject<HTMLHeadingElement> }) {
  const { query, origin, count } = data;
  if (query.kind === "postcode") {
    const place = origin?.places.length ? ` (${origin.places.join(", ")})` : "";
    return (
      <>
        <h2 id="resultaten" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
          Groepen bij postcode {query.display}
          {place}
        </h2>
        {count > 0 ? <p className="mt-1 text-slate-700">Eerst de groepen van postcode {query.pc4} zelf, daarna de dichtstbijzijnde, gemeten vanaf het midden van de postcode.</p> : null}
      </>
    );
  }
  if (query.kind === "text") {
    return (
      <h2 id="resultaten" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        Groepen voor “{query.q}”
      </h2>
    );
  }
  return (
    <h2 id="resultaten" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900">
      Alle groepen
    </h2>
  );
}

function NoResults({ query }: { query: SearchQuery }) {
  return (
    <div data-testid="no-results" className="rounded-xl border border-slate-200 bg-slate-50 p-6">
      {query.kind === "postcode" ? (
        <>
          <p className="text-lg font-semibold text-slate-900">We kennen postcode {query.pc4} niet.</p>
          <p className="mt-2 text-slate-700">Controleer de vier cijfers van je postcode, of zoek op je woonplaats.</p>
        </>
      ) : (
        <>
          <p className="text-lg font-semibold text-slate-900">Geen groepen gevonden voor “{query.kind === "text" ? query.q : ""}”.</p>
          <p className="mt-2 text-slate-700">
            Controleer de spelling, of zoek op je postcode: dan zie je de dichtstbijzijnde groepen.
          </p>
        </>
      )}
      <p className="mt-4 text-slate-700">
        Is er nog geen groep in jouw buurt?{" "}
        <Link to="/groepen/aanmelden" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          Meld je eigen groep aan
        </Link>
        .
      </p>
    </div>
  );
}

export default function GroupsPage() {
  const data = useLoaderData<typeof loader>();
  const { query, search, view, page, groups, count, pagination, totalCount, focus, map } = data;
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/groepen";
  const resultsHeading = useFocusAfterPageChange<HTMLHeadingElement>();

  return (
    <>
      <section className="border-b border-slate-200 bg-brand-blue-light">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:py-12">
          <p className="text-sm font-semibold tracking-wide text-brand-blue uppercase">WhatsApp-buurtpreventie</p>
          <h1 className={`mt-2 max-w-3xl text-balance sm:text-4xl ${PAGE_TITLE}`}>
            Vind de buurtpreventiegroep in jouw straat
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            In {formatNumber(totalCount)} WhatsApp-groepen door heel Nederland letten buren op elkaar. Zoek je
            groep en stuur de beheerder een bericht: die voegt je toe.
          </p>
          <Form method="get" action="/groepen" role="search" className="mt-6 max-w-2xl">
            {view === "kaart" ? <input type="hidden" name="weergave" value="kaart" /> : null}
            <label htmlFor="zoek" className="block font-semibold text-slate-900">
              Postcode, plaats of naam van de groep
            </label>
            <p id="zoek-hint" className="text-sm text-slate-700">
              Met je postcode (bijvoorbeeld 3511 of 3511 AB) zie je de dichtstbijzijnde groepen eerst.
            </p>
            <div className="mt-2 flex flex-col gap-2 sm:flex-row">
              <input
                key={search}
                id="zoek"
                name="zoek"
                type="search"
                defaultValue={search}
                maxLength={MAX_QUERY_LENGTH}
                enterKeyHint="search"
                aria-describedby="zoek-hint"
                className="min-w-0 flex-1 rounded-lg border-2 border-slate-500 bg-white px-4 py-3 text-lg"
              />
              <button
                type="submit"
                className="inline-flex items-center justify-center gap-2 rounded-lg bg-brand-blue px-6 py-3 text-lg font-semibold text-white hover:bg-brand-blue-dark"
              >
                <svg viewBox="0 0 24 24" className="h-5 w-5" aria-hidden="true" focusable="false">
                  <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2.5" />
                  <path d="m20 20-4-4" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
                </svg>
                Zoeken
              </button>
            </div>
          </Form>
          {query.kind !== "none" ? (
            <p className="mt-3">
              <Link to="/groepen" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                Alle groepen tonen
              </Link>
            </p>
          ) : null}
        </div>
      </section>

      <ListMapSwitch view={view} search={search} page={page} />
      <div className="mx-auto grid max-w-6xl gap-10 px-4 pt-6 lg:pt-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] xl:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]">
        <section aria-labelledby="resultaten" aria-busy={searching || undefined} className={view === "kaart" ? "hidden lg:block" : undefined}>
          <ResultsHeading data={data} headingRef={resultsHeading} />
          <p role="status" data-testid="result-count" className="mt-2 mb-4 font-semibold text-slate-800">
            {count > 0 ? pagination.label : ""}
          </p>
          {count > 0 ? (
            <GroupList groups={groups} headingLevel={3} postcode={query.kind === "postcode" ? query.pc4 : null} />
          ) : (
            <NoResults query={query} />
          )}
          <Pagination
            label={pagination.label}
            page={pagination.page}
            pageCount={pagination.pageCount}
            previousPage={pagination.previousPage}
            nextPage={pagination.nextPage}
            hrefFor={(page) => listHref(search, page)}
          />
        </section>

        <aside aria-labelledby="kaart" className="lg:sticky lg:top-6 lg:self-start">
          <div className={view === "kaart" ? undefined : "hidden lg:block"}>
          <h2 id="kaart" className="text-2xl font-bold text-slate-900">
            Op de kaart
          </h2>
          <GroupMap
            key={view}
            settings={map}
            label="Kaart met alle buurtpreventiegroepen"
            pointsUrl="/groepen/kaart"
            cluster
            focus={focus}
            className="mt-4 h-[26rem] lg:h-[34rem]"
          >
            <p>
              De kaart toont alle {formatNumber(totalCount)} groepen. Dezelfde groepen vind je in de lijst, met
              zoeken op postcode of plaats.
            </p>
          </GroupMap>
          </div>
          <div className="mt-6 rounded-xl border-2 border-brand-yellow bg-white p-5">
            <h2 className="text-lg font-bold text-slate-900">Staat jouw groep er niet bij?</h2>
            <p className="mt-1 text-slate-700">
              Meld je WhatsApp-buurtpreventiegroep aan. Na een korte controle staat hij op de kaart en kunnen buren je
              vinden.
            </p>
            <Link
              to="/groepen/aanmelden"
              className="mt-4 inline-flex items-center rounded-lg bg-brand-blue px-5 py-2.5 font-semibold text-white hover:bg-brand-blue-dark"
            >
              Groep aanmelden
            </Link>
          </div>
        </aside>
      </div>
    </>
  );
}
