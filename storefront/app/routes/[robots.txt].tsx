import { getSiteUrl } from "~/lib/content.server";
import { withAccountDisallows } from "~/lib/account-validation";
import { buildRobotsTxt } from "~/lib/seo";

/** /robots.txt: crawl everything except the cart, checkout and account pages; points to the sitemap. */
export function loader() {
  return new Response(withAccountDisallows(buildRobotsTxt(getSiteUrl())), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
