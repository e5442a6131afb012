/**
 * The server half of the SEO module (lib/seo/seo.ts is the client-safe half: meta, canonical
 * URLs, sitemap and robots text): the site's public base URL, read from the configuration.
 */
import { getConfig } from "../config.server";

/** The site's public base URL for this server (PUBLIC_STOREFRONT_URL; canonical URLs, sitemap, robots.txt are absolute). */
export function getSiteUrl(): string {
  return getConfig().siteUrl;
}
