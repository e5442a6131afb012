import type { LoaderFunctionArgs } from "@remix-run/node";
import { ogCardFor } from "~/lib/seo/og-card.server";
import { etagMatches, ogImageFor } from "~/lib/seo/og-image.server";

/**
 * /og/:kind/:slug: a page's 1200 × 630 PNG preview (og:image). Cached by browsers and
 * proxies for a day (its ETag is a hash of what it shows, so a revalidation is cheap);
 * unknown pages are 404.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const card = await ogCardFor(params.kind, params.slug ?? "");
  if (!card) throw new Response("Niet gevonden", { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
  const { png, etag } = await ogImageFor(card);
  const headers = {
    "Content-Type": "image/png",
    "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    ETag: etag,
  };
  if (etagMatches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(png), { status: 200, headers: { ...headers, "Content-Length": String(png.length) } });
}
