/**
 * Renders the 1200 × 630 PNG preview images (og:image) that WhatsApp, Signal and social
 * media show for a shared link. satori lays out a small card (text as paths, with a font
 * file shipped in an npm package: no network at runtime) into SVG; resvg turns that into
 * a PNG. Images are kept in memory by their content (a changed group name is a new
 * image); the route adds HTTP caching with an ETag of the same content.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { createBoundedCache } from "../cache.server";
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from "./og-image";

/** What one preview shows. */
export type OgCard = {
  /** Small line above the title ("Buurtpreventiegroep in Utrecht"). */
  eyebrow: string;
  title: string;
  subtitle?: string | null;
  /** A product image of this storefront ("/images/products/<name>.svg"), shown on the right. */
  image?: string | null;
};

const require = createRequire(import.meta.url);

/**
 * Inter (SIL Open Font License) as TrueType from @expo-google-fonts/inter: satori reads
 * it for the card's text, and resvg for the text inside the product images (which ask
 * for Arial: Inter stands in, so no system fonts are needed).
 */
const FONT_FILES = { 400: "400Regular/Inter_400Regular.ttf", 800: "800ExtraBold/Inter_800ExtraBold.ttf" } as const;
const fontPath = (weight: 400 | 800) => require.resolve(`@expo-google-fonts/inter/${FONT_FILES[weight]}`);
const font = (weight: 400 | 800) => ({ name: "Inter", data: readFileSync(fontPath(weight)), weight, style: "normal" as const });
let fonts: ReturnType<typeof font>[] | null = null;

const PRODUCT_IMAGE = /^\/images\/products\/[a-z0-9-]{1,80}\.svg$/;

const svgFonts = () => ({
  loadSystemFonts: false,
  fontFiles: [fontPath(400), fontPath(800)],
  defaultFontFamily: "Inter",
  sansSerifFamily: "Inter",
});

/**
 * A product image as a PNG data URL (rasterised here with the font: resvg leaves the text
 * of an SVG nested as an image out), read from the built client or public/; null when
 * the path is not a product image of this storefront or the file is missing.
 */
function productImage(src: string | null | undefined): string | null {
  if (!src || !PRODUCT_IMAGE.test(src)) return null;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, "../client", src), // build/server/index.js → build/client
    path.join(process.cwd(), "build/client", src),
    path.join(process.cwd(), "public", src),
    path.join(here, "../../../public", src), // app/lib/seo → public (dev, tests)
  ];
  const file = candidates.find((c) => existsSync(c));
  if (!file) return null;
  const png = new Resvg(readFileSync(file), { fitTo: { mode: "width", value: IMAGE_SIDE }, font: svgFonts() }).render().asPng();
  return `data:image/png;base64,${png.toString("base64")}`;
}

type Node = { type: string; props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown, props: Record<string, unknown> = {}): Node => ({
  type,
  props: { ...props, style, children },
});

const PAD_X = 56;
const PAD_Y = 44;
const IMAGE_SIDE = 400;
const FOOTER = 64;
const INNER_WIDTH = OG_IMAGE_WIDTH - 2 * PAD_X;
const BODY_HEIGHT = OG_IMAGE_HEIGHT - 2 * PAD_Y - FOOTER;

function layout(card: OgCard): Node {
  const image = productImage(card.image);
  const textWidth = image ? INNER_WIDTH - IMAGE_SIDE - 40 : INNER_WIDTH;
  const text = el(
    "div",
    { display: "flex", flexDirection: "column", width: textWidth },
    [
      el("div", { fontSize: 28, fontWeight: 800, color: "#f5c400", letterSpacing: 1 }, card.eyebrow.toUpperCase()),
      el("div", { fontSize: card.title.length > 34 ? 54 : 66, fontWeight: 800, color: "#ffffff", lineHeight: 1.1, marginTop: 16 }, card.title),
      card.subtitle ? el("div", { fontSize: 30, color: "#dbe7f6", marginTop: 20, lineHeight: 1.3 }, card.subtitle) : null,
    ].filter(Boolean),
  );
  return el(
    "div",
    {
      width: OG_IMAGE_WIDTH,
      height: OG_IMAGE_HEIGHT,
      display: "flex",
      flexDirection: "column",
      backgroundColor: "#0b3a75",
      padding: `${PAD_Y}px ${PAD_X}px`,
      fontFamily: "Inter",
    },
    [
      el("div", { display: "flex", width: INNER_WIDTH, height: BODY_HEIGHT, alignItems: "center", justifyContent: "space-between" }, [
        text,
        image ? el("img", { width: IMAGE_SIDE, height: IMAGE_SIDE, borderRadius: 24 }, undefined, { src: image, width: IMAGE_SIDE, height: IMAGE_SIDE }) : null,
      ].filter(Boolean)),
      el(
        "div",
        { display: "flex", width: INNER_WIDTH, height: FOOTER, justifyContent: "space-between", alignItems: "flex-end", borderTop: "4px solid #f5c400" },
        [
          el("div", { fontSize: 30, fontWeight: 800, color: "#ffffff" }, "Buurtpreventie Shop"),
          el("div", { fontSize: 26, color: "#dbe7f6" }, "Samen letten we op de buurt"),
        ],
      ),
    ],
  );
}

/** The PNG of a card: 1200 × 630. */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  fonts ??= [font(400), font(800)];
  const svg = await satori(layout(card) as never, { width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT, fonts });
  return new Resvg(svg, { fitTo: { mode: "width", value: OG_IMAGE_WIDTH }, font: svgFonts() }).render().asPng();
}

/** A content hash of a card: the cache key and the ETag. */
export const ogCardTag = (card: OgCard) => createHash("sha256").update(JSON.stringify(card)).digest("base64url").slice(0, 27);

const rendered = createBoundedCache({ freshMs: 24 * 60 * 60_000, maxEntries: 300 });

/** The card's PNG, rendered once per content (kept a day, at most 300 images). */
export function ogImageFor(card: OgCard): Promise<{ png: Buffer; etag: string }> {
  const etag = `"${ogCardTag(card)}"`;
  return rendered.get(etag, async () => ({ png: await renderOgImage(card), etag })) as Promise<{ png: Buffer; etag: string }>;
}

/** If-None-Match against our ETag: a list, "*", and weak tags (a compressing proxy makes ours weak) all count. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
