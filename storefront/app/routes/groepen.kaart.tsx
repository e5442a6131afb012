import { loadFromBackend } from "~/lib/backend/backend.server";
import { listMapPoints } from "~/lib/groups/groups.server";

/**
 * GET /groepen/kaart: every approved group's point as JSON, for the overview map
 * (GroupMap fetches it after the page has loaded). Public data only: slug, name,
 * woonplaats, point and member count. A resource route: no page, not for search engines.
 */
export async function loader() {
  const points = await loadFromBackend(() => listMapPoints());
  return new Response(JSON.stringify({ points }), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
}
