import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { formatGroupCount, type MunicipalitySummary } from "~/lib/groups/group-view";
import { listMunicipalities } from "~/lib/groups/groups.server";
import { directoryCacheHeaders } from "~/lib/request/headers";
import { canonicalUrl, seoMeta } from "~/lib/seo/seo";
import { PAGE_TITLE } from "~/components/PageTitle";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const headers: HeadersFunction = ({ parentHeaders }) => directoryCacheHeaders(parentHeaders);

const OTHER = "Overige gemeenten";

export async function loader() {
  const municipalities = await loadFromBackend(() => listMunicipalities());
  const byProvince = new Map<string, MunicipalitySummary[]>();
  for (const m of municipalities) {
    const key = m.province ?? OTHER;
    byProvince.set(key, [...(byProvince.get(key) ?? []), m]);
  }
  const provinces = [...byProvince.entries()]
    .sort(([a], [b]) => (a === OTHER ? 1 : b === OTHER ? -1 : a.localeCompare(b, "nl")))
    .map(([name, list]) => ({ name, municipalities: list.map((m) => ({ ...m, countLabel: formatGroupCount(m.groupCount) })) }));
  return {
    provinces,
    total: municipalities.length,
    seo: {
      title: "Buurtpreventie per gemeente",
      description: `WhatsApp-buurtpreventiegroepen in ${municipalities.length} gemeenten, per provincie. Kies je gemeente en vind de groep van jouw straat.`,
      canonical: canonicalUrl(getSiteUrl(), "/gemeenten"),
    },
  };
}

const slugId = (text: string) => `provincie-${text.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-")}`;

export default function MunicipalitiesPage() {
  const { provinces, total } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="border-b border-slate-200 bg-brand-blue-light">
        <div className="mx-auto max-w-6xl px-4 pt-6 pb-10 sm:pb-12">
          <Breadcrumbs items={[{ label: "Groepen", to: "/groepen" }, { label: "Gemeenten" }]} />
          <h1 className={`mt-6 sm:text-4xl ${PAGE_TITLE}`}>Buurtpreventie per gemeente</h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            In {total} gemeenten staan WhatsApp-buurtpreventiegroepen op de kaart. Kies je gemeente, of{" "}
            <Link to="/groepen" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
              zoek op je postcode
            </Link>
            .
          </p>
        </div>
      </div>
      <div className="mx-auto max-w-6xl columns-1 gap-10 px-4 pt-10 sm:columns-2 lg:columns-3">
        {provinces.map((province) => (
          <section key={province.name} aria-labelledby={slugId(province.name)} className="mb-8 break-inside-avoid">
            <h2 id={slugId(province.name)} className="text-xl font-bold text-brand-blue">
              {province.name}
            </h2>
            <ul className="mt-2 space-y-1">
              {province.municipalities.map((m) => (
                <li key={m.slug} className="flex items-baseline justify-between gap-3 border-b border-slate-100 py-1">
                  <Link to={`/gemeenten/${m.slug}`} className="font-semibold text-slate-900 underline-offset-2 hover:text-brand-blue hover:underline">
                    {m.name}
                  </Link>
                  <span className="text-sm whitespace-nowrap text-slate-700">{m.countLabel}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
