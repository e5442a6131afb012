import { getSiteUrl } from "~/lib/content.server";
import { buildRobotsTxt } from "~/lib/seo";

/** /robots.txt: crawl everything except the cart and checkout; points to the sitemap. */
export function loader() {
  return new Response(buildRobotsTxt(getSiteUrl()), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
