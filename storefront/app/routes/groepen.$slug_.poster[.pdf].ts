import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { getGroup } from "~/lib/groups/groups.server";
import { renderGroupPoster } from "~/lib/groups/poster.server";
import { canonicalUrl } from "~/lib/seo/seo";

/**
 * /groepen/:slug/poster.pdf: the group's printable A4 poster (lib/groups/poster.server.ts),
 * with a QR code to the group's public page. Public data only; approved groups only.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const group = await loadFromBackend(() => getGroup(params.slug ?? ""));
  if (!group) throw new Response("Niet gevonden", { status: 404 });
  const pdf = await renderGroupPoster(group, canonicalUrl(getSiteUrl(), `/groepen/${group.slug}`));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="poster-${group.slug}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "public, max-age=300",
    },
  });
}
