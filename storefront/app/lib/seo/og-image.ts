/**
 * Open Graph preview images (client-safe part): their size, the path of each page's
 * image and the kinds of page that have one. Rendered by og-image.server.ts, served by
 * routes/og.$kind.$slug.ts.
 */
export const OG_IMAGE_WIDTH = 1200;
export const OG_IMAGE_HEIGHT = 630;

export const OG_KINDS = ["product", "groep", "gemeente", "pagina"] as const;
export type OgKind = (typeof OG_KINDS)[number];

export const isOgKind = (value: unknown): value is OgKind => typeof value === "string" && (OG_KINDS as readonly string[]).includes(value);

/** The site path of a page's preview image, e.g. /og/groep/buurtpreventie-lindelaan. */
export const ogImagePath = (kind: OgKind, slug: string) => `/og/${kind}/${encodeURIComponent(slug)}`;

/** Content pages with a preview image of their own (the rest share the site's). */
export const OG_CONTENT_PAGES: Record<string, { title: string; subtitle: string }> = {
  // the shop's home page (/), not a Markdown page
  home: {
    title: "Borden en stickers voor WhatsApp-buurtpreventie",
    subtitle: "Straatborden, raamstickers en pakketten voor je buurtgroep",
  },
  gedragsregels: {
    title: "Gedragsregels voor WhatsApp-buurtpreventie",
    subtitle: "Signaleer · Alarmeer 112 · App de groep · Reageer",
  },
};
