import { getSiteUrl } from "~/lib/seo/seo.server";
import { withAccountDisallows } from "~/lib/account/account-validation";
import { buildRobotsTxt } from "~/lib/seo/seo";

/** The wijkagent/municipality accounts' pages (/meldingen, its sign-in and sign-out). */
const NOTICE_AUTHOR_DISALLOWED_PATHS = ["/meldingen"];
/** The report page of relayed mails between group admins (/berichten/melden/<token>). */
const MESSAGE_DISALLOWED_PATHS = ["/berichten"];

/** /robots.txt: crawl everything except the cart, checkout and account pages; points to the sitemap. */
export function loader() {
  return new Response(withAccountDisallows(withAccountDisallows(buildRobotsTxt(getSiteUrl())), [...NOTICE_AUTHOR_DISALLOWED_PATHS, ...MESSAGE_DISALLOWED_PATHS]), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
