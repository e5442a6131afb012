/**
 * One place for page meta (title, description, canonical URL, Open Graph) and for the
 * sitemap.xml / robots.txt text. Client-safe: the absolute base URL is never read here;
 * loaders get it from getSiteUrl() (seo.server.ts) and pass absolute URLs down.
 */
import type { MetaDescriptor } from "@remix-run/node";
import { OG_CONTENT_PAGES, OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH, ogImagePath } from "./og-image";
import { STOREFRONT_NAME } from "../site";

/** Paths crawlers should skip: personal, per-visitor pages (cart, checkout, order confirmation). */
export const DISALLOWED_PATHS = ["/winkelmand", "/afrekenen", "/betaling", "/bestelling", "/groepen/aangemeld"] as const;

/** "<Page> | Buurtpreventie Shop"; the shop name alone for an empty page title. */
export function pageTitle(page: string): string {
  const trimmed = page.trim();
  if (!trimmed || trimmed === STOREFRONT_NAME) return STOREFRONT_NAME;
  return `${trimmed} | ${STOREFRONT_NAME}`;
}

/**
 * The canonical URL of a path on the site: absolute, without query string or hash,
 * without a trailing slash (except for the home page, which is "<base>/").
 */
export function canonicalUrl(siteUrl: string, path: string): string {
  const base = siteUrl.replace(/\/+$/, "");
  let pathname = path.split(/[?#]/)[0] ?? "";
  if (!pathname.startsWith("/")) pathname = `/${pathname}`;
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, "");
  return `${base}${pathname}`;
}

export type Seo = {
  /** The page's own title, without the shop name ("Gedragsregels"). */
  title: string;
  /** Meta description: one or two sentences, ideally 70–160 characters. */
  description: string;
  /** Absolute canonical URL (see canonicalUrl). */
  canonical: string;
  /** Open Graph type; "website" unless the page is an article. */
  type?: "website" | "article";
  /** Keep the page out of search results (error pages). */
  noindex?: boolean;
  /** The page's preview image (1200 × 630 PNG, routes/og.$kind.$slug.ts): absolute URL and text alternative. */
  image?: OgImage;
};

export type OgImage = { url: string; alt: string };

/** og:image with its type, size and alt, and the large Twitter/X card that shows it. */
export function ogImageMeta(image: OgImage): MetaDescriptor[] {
  return [
    { property: "og:image", content: image.url },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: String(OG_IMAGE_WIDTH) },
    { property: "og:image:height", content: String(OG_IMAGE_HEIGHT) },
    { property: "og:image:alt", content: image.alt },
    { name: "twitter:card", content: "summary_large_image" },
  ];
}

/**
 * Meta descriptors for a route's `meta` export: title, description, canonical, Open Graph.
 * Without data (the loader threw, an ErrorBoundary shows) it returns `fallback`: pass the
 * root route's meta (`matches[0]?.meta`) so its error title and noindex stay.
 */
export function seoMeta(seo: Seo | undefined | null, fallback?: MetaDescriptor[]): MetaDescriptor[] {
  if (!seo) return fallback?.length ? fallback : [{ title: STOREFRONT_NAME }];
  const title = pageTitle(seo.title);
  const tags: MetaDescriptor[] = [
    { title },
    { name: "description", content: seo.description },
    { tagName: "link", rel: "canonical", href: seo.canonical },
    { property: "og:site_name", content: STOREFRONT_NAME },
    { property: "og:locale", content: "nl_NL" },
    { property: "og:type", content: seo.type ?? "website" },
    { property: "og:title", content: title },
    { property: "og:description", content: seo.description },
    { property: "og:url", content: seo.canonical },
    ...(seo.image ? ogImageMeta(seo.image) : [{ name: "twitter:card", content: "summary" }]),
  ];
  if (seo.noindex) tags.push({ name: "robots", content: "noindex" });
  return tags;
}

/** The home page's meta, with its own preview image (og-image.ts, OG_CONTENT_PAGES.home). */
export function homeSeo(siteUrl: string): Seo {
  const card = OG_CONTENT_PAGES.home!;
  return {
    title: card.title,
    description: "Straatborden, raamstickers, autostickers en voordelige pakketten voor je WhatsApp-buurtpreventiegroep. Prijzen incl. 21% btw.",
    canonical: canonicalUrl(siteUrl, "/"),
    image: { url: canonicalUrl(siteUrl, ogImagePath("pagina", "home")), alt: card.title },
  };
}

/** A product page's meta: its title, subtitle (or the start of its description), canonical URL and preview image. */
export function productSeo(
  product: { handle: string; title: string; subtitle?: string | null; description?: string | null },
  siteUrl: string,
): Seo {
  return {
    title: product.title,
    description: product.subtitle || product.description?.slice(0, 155) || product.title,
    canonical: canonicalUrl(siteUrl, `/producten/${encodeURIComponent(product.handle)}`),
    image: { url: canonicalUrl(siteUrl, ogImagePath("product", product.handle)), alt: product.title },
  };
}

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type SitemapEntry = {
  /** Absolute URL. */
  loc: string;
  /** W3C date (YYYY-MM-DD) of the last change, when known. */
  lastmod?: string | null;
};

/** A sitemaps.org urlset; duplicate URLs are listed once. */
export function buildSitemapXml(entries: readonly SitemapEntry[]): string {
  const seen = new Set<string>();
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const { loc, lastmod } of entries) {
    if (seen.has(loc)) continue;
    seen.add(loc);
    const modified = lastmod ? `<lastmod>${xmlEscape(lastmod)}</lastmod>` : "";
    lines.push(`  <url><loc>${xmlEscape(loc)}</loc>${modified}</url>`);
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}

/** robots.txt: everything may be crawled except the cart and checkout; points to the sitemap. */
export function buildRobotsTxt(siteUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    ...DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
    "",
    `Sitemap: ${canonicalUrl(siteUrl, "/sitemap.xml")}`,
    "",
  ].join("\n");
}
