import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";
import { clearCompanyCache } from "./company.server";
import { parseSiteUrl } from "../config.server";
import {
  ContentError,
  contentVars,
  fillPlaceholders,
  getContentPage,
  getContentSource,
  listContentSlugs,
  loadContentPage,
  parseContentPage,
  parseFrontMatter,
  slugify,
} from "./content.server";
import type { Company } from "../site";

/** A seller as the backend's GET /store/seller answers it. */
const COMPANY: Company = {
  name: "Buurtwinkel Voorbeeld B.V.",
  address: "Proefstraat 8",
  postcode: "3511 AB",
  city: "Utrecht",
  kvk: "12345678",
  btw: "NL123456789B01",
  email: "winkel@buurtwinkel.example",
  phone: "030 000 0000",
};

const VARS = contentVars(COMPANY, "https://www.example.nl");

function page(body: string, frontMatter = "title: Test\ndescription: Een testpagina.") {
  return parseContentPage("test", `---\n${frontMatter}\n---\n${body}`, VARS);
}

describe("parseFrontMatter", () => {
  it("reads key: value pairs, strips quotes and skips comments and blank lines", () => {
    const { data, body } = parseFrontMatter(
      '---\ntitle: Over ons\n# a note for editors\n\ndescription: "Met: een dubbele punt"\nEyebrow: \'Hallo\'\n---\nTekst\n',
    );
    expect(data).toEqual({ title: "Over ons", description: "Met: een dubbele punt", eyebrow: "Hallo" });
    expect(body).toBe("Tekst\n");
  });

  it("accepts Windows line endings and a byte order mark", () => {
    const { data, body } = parseFrontMatter("\uFEFF---\r\ntitle: A\r\n---\r\nB\r\n");
    expect(data).toEqual({ title: "A" });
    expect(body).toBe("B\n");
  });

  it("rejects a file without front matter, a line without a colon and a repeated key", () => {
    expect(() => parseFrontMatter("# Titel\n", "x.md")).toThrow(/x\.md: must start with front matter/);
    expect(() => parseFrontMatter("---\ntitle Over\n---\n")).toThrow(/line 2 is not "key: value"/);
    expect(() => parseFrontMatter("---\ntitle: A\ntitle: B\n---\n")).toThrow(/appears twice/);
  });
});

describe("parseContentPage", () => {
  it("uses the title as h1 unless a heading is given, and keeps the optional fields", () => {
    expect(page("Tekst.")).toMatchObject({
      slug: "test",
      title: "Test",
      heading: "Test",
      description: "Een testpagina.",
      eyebrow: null,
      updated: null,
      toc: false,
    });
    const full = page(
      "Tekst.",
      "title: Kort\nheading: Een langere kop\ndescription: D.\neyebrow: Voor iedereen\nupdated: 2026-11-25\ntoc: true",
    );
    expect(full).toMatchObject({ heading: "Een langere kop", eyebrow: "Voor iedereen", updated: "2026-11-25", toc: true });
  });

  it("requires a title and a description and rejects unknown keys and bad values", () => {
    expect(() => page("x", "description: D.")).toThrow(/needs a title/);
    expect(() => page("x", "title: T")).toThrow(/needs a description/);
    expect(() => page("x", "title: T\ndescription: D.\ntitel: typo")).toThrow(/unknown front matter key "titel"/);
    expect(() => page("x", "title: T\ndescription: D.\nupdated: 25-11-2026")).toThrow(/updated must be a date/);
    expect(() => page("x", "title: T\ndescription: D.\nupdated: 2026-02-30")).toThrow(/updated must be a date/);
    expect(() => page("x", "title: T\ndescription: D.\ntoc: ja")).toThrow(/toc must be true or false/);
  });

  it("renders Markdown with unique heading ids", () => {
    const { html } = page("## Wat kost het?\n\nTekst met **nadruk**.\n\n## Wat kost het?\n\n### Één vraag\n");
    expect(html).toContain('<h2 id="wat-kost-het">Wat kost het?</h2>');
    expect(html).toContain('<h2 id="wat-kost-het-2">');
    expect(html).toContain('<h3 id="een-vraag">Één vraag</h3>');
    expect(html).toContain("<strong>nadruk</strong>");
  });

  it("allows only one h1 (the title) and no skipped heading levels", () => {
    expect(() => page("# Tweede h1\n")).toThrow(ContentError);
    expect(() => page("# Tweede h1\n")).toThrow(/use "##"/);
    expect(() => page("### Te diep\n")).toThrow(/skips a level \(h1 → h3\)/);
    expect(() => page("## A\n\n#### Te diep\n")).toThrow(/skips a level \(h2 → h4\)/);
  });

  it("splits the body into intro, ## sections and ### items", () => {
    const result = page("Intro.\n\n## SAAR\n\nBoven de kaarten.\n\n### Signaleer\n\nKijk.\n\n### Alarmeer\n\nBel 112.\n\n## Regels\n\n- Eén\n");
    expect(result.introHtml).toBe("<p>Intro.</p>\n");
    expect(result.sections.map((s) => s.title)).toEqual(["SAAR", "Regels"]);
    const [saar, rules] = result.sections;
    expect(saar?.html).toBe("<p>Boven de kaarten.</p>\n");
    expect(saar?.items).toEqual([
      { id: "signaleer", title: "Signaleer", titleHtml: "Signaleer", html: "<p>Kijk.</p>\n" },
      { id: "alarmeer", title: "Alarmeer", titleHtml: "Alarmeer", html: "<p>Bel 112.</p>\n" },
    ]);
    expect(rules?.items).toEqual([]);
    expect(rules?.html).toContain("<li>Eén</li>");
  });

  it("takes ```whatsapp blocks out of the page as plain text", () => {
    const result = page("Tekst.\n\n```whatsapp\n*Vet* en 112\n```\n");
    expect(result.blocks).toEqual({ whatsapp: "*Vet* en 112" });
    expect(result.html).not.toContain("Vet");
    expect(() => page("```whatsapp\na\n```\n\n```whatsapp\nb\n```\n")).toThrow(/more than one/);
  });

  it("removes editor comments and shows other raw HTML as text", () => {
    const { html } = page("<!-- notitie voor redactie -->\nTekst <b>vet</b>.\n\n<script>alert(1)</script>\n");
    expect(html).not.toContain("notitie");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("fills company placeholders and rejects unknown ones", () => {
    const { html } = page("Mail [{{email}}](mailto:{{email}}) of bel {{ telefoon }}; {{bedrijfsnaam}}.");
    expect(html).toContain(`<a href="mailto:${COMPANY.email}">${COMPANY.email}</a>`);
    expect(html).toContain(COMPANY.phone);
    expect(html).toContain(COMPANY.name);
    expect(() => page("{{telefon}}")).toThrow(/unknown placeholder \{\{telefon\}\}/);
  });
});

describe("helpers", () => {
  it("slugify makes readable fragment ids", () => {
    expect(slugify("Wat kost het?")).toBe("wat-kost-het");
    expect(slugify("Één café & meer")).toBe("een-cafe-meer");
    expect(slugify("1. Wie wij zijn")).toBe("1-wie-wij-zijn");
    expect(slugify("???")).toBe("sectie");
  });

  it("fillPlaceholders leaves text without placeholders alone", () => {
    expect(fillPlaceholders("Geen {placeholder} hier", {})).toBe("Geen {placeholder} hier");
  });

  it("parseSiteUrl defaults to localhost:3000 and drops a trailing slash", () => {
    expect(parseSiteUrl({})).toBe("http://localhost:3000");
    expect(parseSiteUrl({ PUBLIC_STOREFRONT_URL: " https://www.example.nl/ " })).toBe("https://www.example.nl");
    expect(parseSiteUrl({ PUBLIC_STOREFRONT_URL: "https://example.nl/winkel/" })).toBe("https://example.nl/winkel");
    expect(() => parseSiteUrl({ PUBLIC_STOREFRONT_URL: "www.example.nl" })).toThrow(/PUBLIC_STOREFRONT_URL/);
    expect(() => parseSiteUrl({ PUBLIC_STOREFRONT_URL: "ftp://example.nl" })).toThrow(/PUBLIC_STOREFRONT_URL/);
  });

});

describe("the site's content pages", () => {
  afterEach(() => {
    clearCompanyCache();
    vi.unstubAllGlobals();
  });

  const slugs = listContentSlugs();

  it("has the information and legal pages", () => {
    expect(slugs).toEqual(
      expect.arrayContaining([
        "gedragsregels",
        "over",
        "voor-gemeenten",
        "veelgestelde-vragen",
        "algemene-voorwaarden",
        "privacyverklaring",
        "retourneren",
        "contact",
      ]),
    );
  });

  it.each(slugs)("%s.md parses and has a route file", (slug) => {
    const source = getContentSource(slug);
    expect(source).not.toBeNull();
    const parsed = parseContentPage(slug, source as string, VARS);
    expect(parsed.description.length).toBeGreaterThanOrEqual(50);
    expect(parsed.description.length).toBeLessThanOrEqual(200);
    expect(parsed.html).not.toMatch(/\{\{|<h1/);
    expect(existsSync(new URL(`../../routes/${slug}.tsx`, import.meta.url))).toBe(true);
  });

  it("gives every page its own title and description", () => {
    const pages = slugs.map((slug) => parseContentPage(slug, getContentSource(slug) as string, VARS));
    expect(new Set(pages.map((p) => p.title)).size).toBe(pages.length);
    expect(new Set(pages.map((p) => p.description)).size).toBe(pages.length);
  });

  it("the rules of conduct have the four SAAR steps and a WhatsApp text with 112 and 101", () => {
    const rules = parseContentPage("gedragsregels", getContentSource("gedragsregels") as string, VARS);
    const steps = rules.sections.find((section) => section.items.length > 0);
    expect(steps?.items.map((item) => item.title)).toEqual(["Signaleer", "Alarmeer", "App", "Reageer"]);
    expect(rules.html).toContain("112");
    expect(rules.html).toContain("101");
    expect(rules.blocks.whatsapp).toMatch(/SAAR/);
    expect(rules.blocks.whatsapp).toMatch(/112/);
    expect(rules.blocks.whatsapp).toMatch(/101/);
    expect(rules.blocks.whatsapp).toContain("https://www.example.nl/gedragsregels");
  });

  it("getContentPage caches parsed pages per company and returns null for an unknown page", () => {
    const first = getContentPage("over", COMPANY);
    expect(first?.title).toBe("Over WhatsApp-buurtpreventie");
    expect(getContentPage("over", COMPANY)).toBe(first);
    const renamed = { ...COMPANY, name: "Echt B.V." };
    expect(getContentPage("over", renamed)).not.toBe(first);
    expect(getContentPage("bestaat-niet", COMPANY)).toBeNull();
    expect(getContentPage("../routes/over", COMPANY)).toBeNull();
  });

  it("loadContentPage fills in the company the backend names, with the page's meta, or throws a 404 Response", async () => {
    const seen = stubBackend(() => ({ body: { seller: { ...COMPANY, kvk: "87654321" } } }));
    const { page: terms, seo } = await loadContentPage("algemene-voorwaarden");
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /store/seller"]);
    expect(terms.html).toContain("87654321");
    expect(seo).toEqual({
      title: terms.title,
      description: terms.description,
      canonical: `${parseSiteUrl(process.env)}/algemene-voorwaarden`,
      type: "article",
    });
    const thrown = await loadContentPage("bestaat-niet").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });

  it("loadContentPage answers 503 while the backend cannot name the company (never made-up details)", async () => {
    stubBackend(() => new TypeError("fetch failed"));
    const thrown = await loadContentPage("privacyverklaring").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
  });
});
