import { describe, expect, it } from "vitest";
import { etagMatches, ogCardTag, ogImageFor, renderOgImage } from "./og-image.server";
import { ogImagePath, isOgKind } from "./og-image";
import { ogImageMeta, seoMeta } from "./seo";

const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe("og:image previews", () => {
  it("renders a 1200 × 630 PNG, with a product's own image and without one", async () => {
    for (const image of ["/images/products/bord-whatsapp-buurtpreventie.svg", null]) {
      const png = await renderOgImage({ eyebrow: "Buurtpreventie Shop", title: "Straatbord WhatsApp-buurtpreventie", subtitle: "Aluminium, 30 × 45 cm", image });
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      expect(size(png)).toEqual([1200, 630]);
    }
  }, 30_000);

  it("ignores image paths that are not a product image of this storefront", async () => {
    const png = await renderOgImage({ eyebrow: "x", title: "Groep", image: "/../../../etc/passwd" });
    expect(size(png)).toEqual([1200, 630]);
  }, 30_000);

  it("keeps one image per content: the same card is rendered once, a changed one anew", async () => {
    const card = { eyebrow: "WhatsApp-buurtpreventie in Utrecht", title: "Buurtpreventie Lindelaan", subtitle: "42 leden" };
    const a = await ogImageFor(card);
    const b = await ogImageFor({ ...card });
    expect(b.png).toBe(a.png);
    expect(a.etag).toBe(`"${ogCardTag(card)}"`);
    expect((await ogImageFor({ ...card, title: "Buurtpreventie Eikenlaan" })).etag).not.toBe(a.etag);
  }, 30_000);

  it("matches If-None-Match: exact, weak (after compression), in a list, or *", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });

  it("paths and meta: og:image with type, size and alt, and the large card", () => {
    expect(ogImagePath("groep", "buurt oost")).toBe("/og/groep/buurt%20oost");
    expect(isOgKind("pagina")).toBe(true);
    expect(isOgKind("admin")).toBe(false);
    const meta = ogImageMeta({ url: "https://shop.test/og/pagina/gedragsregels", alt: "Gedragsregels" });
    expect(meta).toContainEqual({ property: "og:image:width", content: "1200" });
    expect(meta).toContainEqual({ property: "og:image:height", content: "630" });
    expect(meta).toContainEqual({ property: "og:image:alt", content: "Gedragsregels" });
    const tags = seoMeta({ title: "X", description: "Y", canonical: "https://shop.test/x", image: { url: "https://shop.test/og/pagina/x", alt: "X" } });
    expect(tags.filter((t) => "name" in t && t.name === "twitter:card")).toEqual([{ name: "twitter:card", content: "summary_large_image" }]);
    const plain = seoMeta({ title: "X", description: "Y", canonical: "https://shop.test/x" });
    expect(plain).toContainEqual({ name: "twitter:card", content: "summary" });
    expect(plain.some((t) => "property" in t && t.property === "og:image")).toBe(false);
  });

  it("the home page has a card of its own (kind pagina, slug home) that renders", async () => {
    const { ogCardFor } = await import("./og-card.server");
    const card = await ogCardFor("pagina", "home");
    expect(card).toMatchObject({ title: "Borden en stickers voor WhatsApp-buurtpreventie", image: null });
    expect(size(await renderOgImage(card!))).toEqual([1200, 630]);
  });

  it("knows only its own pages, not the names every object has ('constructor', '__proto__', 'toString')", async () => {
    const { ogCardFor } = await import("./og-card.server");
    for (const slug of ["constructor", "__proto__", "toString", "hasOwnProperty"]) expect([slug, await ogCardFor("pagina", slug)]).toEqual([slug, null]);
  });
});
