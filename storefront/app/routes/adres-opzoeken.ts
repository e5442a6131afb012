import type { LoaderFunctionArgs } from "@remix-run/node";
import { lookupAddress, pc4Centre } from "~/lib/address/address.server";

/**
 * GET /adres-opzoeken?postcode=5038AB&huisnummer=12&toevoeging=A: the browser's way to the
 * address lookup (checkout and the group forms fill street and town on blur). Answers a
 * LookupOutcome as JSON, always 200 so the page can show the Dutch message as it is.
 * Without JavaScript the forms' own "Zoek adres" buttons call lookupAddress in their actions.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // ?pc4=3581: the centre of that postcode area (the map pin's default place)
  const pc4 = url.searchParams.get("pc4");
  if (pc4 !== null) {
    const centre = await pc4Centre(pc4.trim());
    return Response.json({ centre: centre ?? null }, { headers: { "Cache-Control": centre ? "private, max-age=3600" : "no-store" } });
  }
  const outcome = await lookupAddress({
    postcode: url.searchParams.get("postcode") ?? "",
    huisnummer: url.searchParams.get("huisnummer") ?? "",
    toevoeging: url.searchParams.get("toevoeging") ?? "",
  });
  const cacheable = outcome.status === "found" || outcome.status === "not_found";
  return Response.json(outcome, {
    headers: { "Cache-Control": cacheable ? "private, max-age=3600" : "no-store", "X-Robots-Tag": "noindex" },
  });
}
