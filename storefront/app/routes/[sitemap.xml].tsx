import { listProducts, loadFromBackend } from "~/lib/catalogue.server";
import { getContentPage, getSiteUrl, listContentSlugs } from "~/lib/content.server";
import { buildSitemapXml, canonicalUrl, type SitemapEntry } from "~/lib/seo";

/** One kind of page in the sitemap; returns paths ("/over") with an optional last-change date. */
type SitemapSource = () => Promise<{ path: string; lastmod?: string | null }[]>;

const PRODUCT_PAGE_SIZE = 100;
/** Safety stop: 100 pages of 100 products. */
const MAX_PRODUCT_PAGES = 100;

const homePage: SitemapSource = async () => [{ path: "/" }];

const contentPages: SitemapSource = async () =>
  listContentSlugs().map((slug) => ({ path: `/${slug}`, lastmod: getContentPage(slug)?.updated ?? null }));

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

/**
 * EXTENSION POINT: add a source per kind of page. Still to come: the group directory
 * (/groepen and /groepen/<slug>) and the municipality pages (/gemeenten/<slug>).
 */
const SITEMAP_SOURCES: SitemapSource[] = [homePage, contentPages, productPages];

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
