import { describe, expect, it } from "vitest";
import {
  buildRobotsTxt,
  buildSitemapXml,
  canonicalUrl,
  pageTitle,
  homeSeo,
  productSeo,
  seoMeta,
  xmlEscape,
} from "./seo";

describe("pageTitle", () => {
  it('follows "<Page> | Buurtpreventie Shop"', () => {
    expect(pageTitle("Gedragsregels")).toBe("Gedragsregels | Buurtpreventie Shop");
    expect(pageTitle("  Contact ")).toBe("Contact | Buurtpreventie Shop");
  });

  it("does not repeat the shop name", () => {
    expect(pageTitle("")).toBe("Buurtpreventie Shop");
    expect(pageTitle("Buurtpreventie Shop")).toBe("Buurtpreventie Shop");
  });
});

describe("URLs", () => {
  it("canonicalUrl is absolute, without query, hash or trailing slash", () => {
    const base = "https://www.example.nl";
    expect(canonicalUrl(base, "/")).toBe("https://www.example.nl/");
    expect(canonicalUrl(base, "")).toBe("https://www.example.nl/");
    expect(canonicalUrl(base, "/over/")).toBe("https://www.example.nl/over");
    expect(canonicalUrl(`${base}/`, "over?utm_source=x#top")).toBe("https://www.example.nl/over");
    expect(canonicalUrl("https://example.nl/shop", "/over")).toBe("https://example.nl/shop/over");
  });
});

describe("seoMeta", () => {
  const seo = {
    title: "Gedragsregels",
    description: "Volg SAAR en bel eerst 112.",
    canonical: "https://www.example.nl/gedragsregels",
  };

  it("gives title, description, canonical link and Open Graph tags", () => {
    const meta = seoMeta(seo);
    expect(meta).toContainEqual({ title: "Gedragsregels | Buurtpreventie Shop" });
    expect(meta).toContainEqual({ name: "description", content: seo.description });
    expect(meta).toContainEqual({ tagName: "link", rel: "canonical", href: seo.canonical });
    expect(meta).toContainEqual({ property: "og:title", content: "Gedragsregels | Buurtpreventie Shop" });
    expect(meta).toContainEqual({ property: "og:description", content: seo.description });
    expect(meta).toContainEqual({ property: "og:url", content: seo.canonical });
    expect(meta).toContainEqual({ property: "og:type", content: "website" });
    expect(meta).toContainEqual({ property: "og:locale", content: "nl_NL" });
    expect(meta).toContainEqual({ property: "og:site_name", content: "Buurtpreventie Shop" });
    expect(meta).not.toContainEqual({ name: "robots", content: "noindex" });
  });

  it("supports articles and noindex", () => {
    const meta = seoMeta({ ...seo, type: "article", noindex: true });
    expect(meta).toContainEqual({ property: "og:type", content: "article" });
    expect(meta).toContainEqual({ name: "robots", content: "noindex" });
  });

  it("falls back to the shop name without data (e.g. while an error is shown)", () => {
    expect(seoMeta(undefined)).toEqual([{ title: "Buurtpreventie Shop" }]);
    const rootMeta = [{ title: "Pagina niet gevonden | Buurtpreventie Shop" }, { name: "robots", content: "noindex" }];
    expect(seoMeta(undefined, rootMeta)).toBe(rootMeta);
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("xmlEscape escapes the five XML characters", () => {
    expect(xmlEscape(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
  });

  it("buildSitemapXml lists every URL once, escaped, with optional lastmod", () => {
    const xml = buildSitemapXml([
      { loc: "https://www.example.nl/" },
      { loc: "https://www.example.nl/over", lastmod: "2026-11-25" },
      { loc: "https://www.example.nl/producten/a&b" },
      { loc: "https://www.example.nl/over" },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(xml).toContain("<url><loc>https://www.example.nl/</loc></url>");
    expect(xml).toContain("<url><loc>https://www.example.nl/over</loc><lastmod>2026-11-25</lastmod></url>");
    expect(xml).toContain("<loc>https://www.example.nl/producten/a&amp;b</loc>");
    expect(xml.match(/<url>/g)).toHaveLength(3);
    expect(xml.trimEnd().endsWith("</urlset>")).toBe(true);
  });

  it("buildRobotsTxt allows everything but cart, checkout and orders and names the sitemap", () => {
    expect(buildRobotsTxt("https://www.example.nl")).toBe(
      [
        "User-agent: *",
        "Allow: /",
        "Disallow: /winkelmand",
        "Disallow: /afrekenen",
        "Disallow: /betaling",
        "Disallow: /bestelling",
        "Disallow: /groepen/aangemeld",
        "",
        "Sitemap: https://www.example.nl/sitemap.xml",
        "",
      ].join("\n"),
    );
  });
});

describe("page meta with a preview image", () => {
  const metaOf = (tags: ReturnType<typeof seoMeta>, property: string) =>
    tags.find((t) => (t as { property?: string }).property === property) as { content?: string } | undefined;

  it("the home page has og:title, og:url and its own og:image", () => {
    const tags = seoMeta(homeSeo("https://shop.test"));
    expect(metaOf(tags, "og:title")?.content).toBe("Borden en stickers voor WhatsApp-buurtpreventie | Buurtpreventie Shop");
    expect(metaOf(tags, "og:url")?.content).toBe("https://shop.test/");
    expect(metaOf(tags, "og:image")?.content).toBe("https://shop.test/og/pagina/home");
    expect(metaOf(tags, "og:description")?.content).toMatch(/Prijzen incl\. 21% btw/);
  });

  it("a product page has og:title, og:description, og:url and the product's og:image", () => {
    const tags = seoMeta(productSeo({ handle: "straatbord", title: "Straatbord", subtitle: "Aluminium, 40 × 60 cm", description: "Lang." }, "https://shop.test"));
    expect(tags).toContainEqual({ title: "Straatbord | Buurtpreventie Shop" });
    expect(metaOf(tags, "og:title")?.content).toBe("Straatbord | Buurtpreventie Shop");
    expect(metaOf(tags, "og:description")?.content).toBe("Aluminium, 40 × 60 cm");
    expect(metaOf(tags, "og:url")?.content).toBe("https://shop.test/producten/straatbord");
    expect(metaOf(tags, "og:image")?.content).toBe("https://shop.test/og/product/straatbord");
    expect(tags).toContainEqual({ tagName: "link", rel: "canonical", href: "https://shop.test/producten/straatbord" });
    expect(productSeo({ handle: "x", title: "X", subtitle: null, description: null }, "https://shop.test").description).toBe("X");
  });
});
