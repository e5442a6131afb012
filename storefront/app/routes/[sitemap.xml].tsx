import { loadFromBackend } from "~/lib/backend/backend.server";
import { listProducts } from "~/lib/catalogue/catalogue.server";
import { loadCompany } from "~/lib/content/company.server";
import { getContentPage, listContentSlugs } from "~/lib/content/content.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { listGroupSitemapEntries, listMunicipalities } from "~/lib/groups/groups.server";
import { buildSitemapXml, canonicalUrl, type SitemapEntry } from "~/lib/seo/seo";

/** One kind of page in the sitemap; returns paths ("/over") with an optional last-change date. */
type SitemapSource = () => Promise<{ path: string; lastmod?: string | null }[]>;

const PRODUCT_PAGE_SIZE = 100;
/** Safety stop: 100 pages of 100 products. */
const MAX_PRODUCT_PAGES = 100;

const homePage: SitemapSource = async () => [{ path: "/" }];

const contentPages: SitemapSource = async () => {
  const company = await loadCompany();
  return listContentSlugs().map((slug) => ({ path: `/${slug}`, lastmod: getContentPage(slug, company)?.updated ?? null }));
};

/** Every product in the Dutch region, paged through the store API. */
const productPages: SitemapSource = async () => {
  const handles: string[] = [];
  for (let page = 0; page < MAX_PRODUCT_PAGES; page += 1) {
    const { products, count } = await listProducts({ limit: PRODUCT_PAGE_SIZE, offset: page * PRODUCT_PAGE_SIZE });
    handles.push(...products.map((product) => product.handle));
    if (products.length === 0 || handles.length >= count) break;
  }
  return handles.map((handle) => ({ path: `/producten/${encodeURIComponent(handle)}` }));
};

/** The group directory: the search page, every approved group and the registration form. */
const groupPages: SitemapSource = async () => [
  { path: "/groepen" },
  { path: "/groepen/aanmelden" },
  ...(await listGroupSitemapEntries()),
];

/** The municipality index and every municipality with at least one approved group. */
const municipalityPages: SitemapSource = async () => [
  { path: "/gemeenten" },
  ...(await listMunicipalities()).map((m) => ({ path: `/gemeenten/${encodeURIComponent(m.slug)}` })),
];

/** EXTENSION POINT: add a source per kind of page. */
const SITEMAP_SOURCES: SitemapSource[] = [homePage, contentPages, productPages, groupPages, municipalityPages];

/** /sitemap.xml; 503 (not a half sitemap) while the backend is unavailable. */
export async function loader() {
  const siteUrl = getSiteUrl();
  const lists = await loadFromBackend(() => Promise.all(SITEMAP_SOURCES.map((source) => source())));
  const entries: SitemapEntry[] = lists.flat().map(({ path, lastmod }) => ({
    loc: canonicalUrl(siteUrl, path),
    lastmod: lastmod ?? null,
  }));
  return new Response(buildSitemapXml(entries), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=600",
    },
  });
}
