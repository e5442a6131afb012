/**
 * Information and legal pages, written by staff as Markdown in app/content/<slug>.md.
 *
 * A file starts with front matter between two `---` lines, one `key: value` per line:
 *
 *   ---
 *   title: Gedragsregels              (required: browser tab, search results; also the h1)
 *   description: Eén of twee zinnen.  (required: meta description and the lead under the h1)
 *   heading: Langere h1-tekst         (optional: h1 when it should differ from the title)
 *   eyebrow: Voor beheerders en leden (optional: small line above the h1)
 *   updated: 2026-11-25               (optional: "laatst bijgewerkt", also <lastmod> in the sitemap)
 *   toc: true                         (optional: show "Op deze pagina" with the ## headings)
 *   ---
 *
 * The body is Markdown: `##` for sections and `###` below them (never `#`: the title is the h1).
 * `{{bedrijfsnaam}}`, `{{email}}`, … are replaced by the configured company details (see
 * PLACEHOLDERS), `<!-- … -->` comments are notes for editors and are removed, other raw HTML is
 * shown as text, and a fenced block ```whatsapp … ``` is not shown in the page but kept as plain
 * text for the "Kopieer voor WhatsApp" button.
 *
 * The files are bundled into the server build (import.meta.glob), so the Docker image needs no
 * app/ folder; a content change ships with the next build. Parsed pages are cached in memory.
 */
import { Marked, type Token, type Tokens } from "marked";
import { loadFromBackend } from "../backend/backend.server";
import { getSiteUrl } from "../seo/seo.server";
import { loadCompany } from "./company.server";
import { canonicalUrl, type Seo } from "../seo/seo";
import { OG_CONTENT_PAGES, ogImagePath } from "../seo/og-image";
import type { Company } from "../site";

/** A content file is broken (front matter, heading levels, placeholders); names the file. */
export class ContentError extends Error {
  override name = "ContentError";
}

export type FrontMatter = Record<string, string>;

export type ContentItem = {
  /** Anchor id of the `###` heading. */
  id: string;
  /** Heading as plain text. */
  title: string;
  /** Heading as inline HTML (keeps emphasis and links). */
  titleHtml: string;
  /** Everything below the heading up to the next heading. */
  html: string;
};

export type ContentSection = {
  /** Anchor id of the `##` heading. */
  id: string;
  title: string;
  titleHtml: string;
  /** Everything between the `##` heading and its first `###`. */
  html: string;
  /** The `###` sub-sections (FAQ questions, SAAR steps). */
  items: ContentItem[];
};

export type ContentPage = {
  slug: string;
  /** Browser-tab title, without the shop name. */
  title: string;
  /** Text of the h1. */
  heading: string;
  description: string;
  eyebrow: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  updated: string | null;
  /** Show a table of contents built from `sections`. */
  toc: boolean;
  /** The whole body as HTML, with ids on the headings. */
  html: string;
  /** Body text before the first `##`. */
  introHtml: string;
  /** The same body split at `##` and `###`, for pages with their own layout. */
  sections: ContentSection[];
  /** Plain-text blocks taken out of the page (```whatsapp fences), by name. */
  blocks: Record<string, string>;
};

/** Fenced code blocks with these info strings become `blocks` instead of page content. */
export const EXTRACTED_BLOCKS = ["whatsapp"] as const;

const FRONT_MATTER_KEYS = ["title", "description", "heading", "eyebrow", "updated", "toc"] as const;

/** Values for the `{{name}}` placeholders in content files. */
export type ContentVars = Record<string, string>;

/** The placeholders editors can use, from the company details and the site's base URL. */
export function contentVars(company: Company, siteUrl: string): ContentVars {
  return {
    bedrijfsnaam: company.name,
    adres: company.address,
    postcode: company.postcode,
    plaats: company.city,
    kvk: company.kvk,
    btw: company.btw,
    email: company.email,
    telefoon: company.phone,
    website: siteUrl,
  };
}

// ---------------------------------------------------------------------------
// Parsing (pure; exported for tests)

/** Splits `---` front matter from the body. Values may be quoted; `#` lines are comments. */
export function parseFrontMatter(source: string, file = "content"): { data: FrontMatter; body: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) throw new ContentError(`${file}: must start with front matter between two "---" lines`);
  const data: FrontMatter = {};
  const lines = (match[1] ?? "").split("\n");
  lines.forEach((line, index) => {
    if (!line.trim() || line.trimStart().startsWith("#")) return;
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) {
      throw new ContentError(`${file}: front matter line ${index + 2} is not "key: value": ${line.trim()}`);
    }
    const key = (pair[1] ?? "").toLowerCase();
    let value = (pair[2] ?? "").trim();
    const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? "";
    if (key in data) throw new ContentError(`${file}: front matter key "${key}" appears twice`);
    data[key] = value;
  });
  return { data, body: text.slice(match[0].length) };
}

/** Replaces `{{name}}` placeholders; an unknown name is an error (a typo would show on the site). */
export function fillPlaceholders(text: string, vars: ContentVars, file = "content"): string {
  return text.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      throw new ContentError(`${file}: unknown placeholder {{${name}}} (known: ${Object.keys(vars).join(", ")})`);
    }
    return value;
  });
}

/** URL-fragment id for a heading: "Wat kost het?" → "wat-kost-het". */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&[a-z]+;|&#\d+;/g, " ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "sectie"
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Plain text of inline tokens (for ids and the table of contents). */
function plainText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((token) => {
      if ("tokens" in token && Array.isArray(token.tokens)) return plainText(token.tokens, "");
      if (token.type === "escape" || token.type === "text" || token.type === "codespan") return token.text;
      return "raw" in token ? token.raw : "";
    })
    .join("");
}

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Parses one content file into a page. Pure; throws ContentError with the file name. */
export function parseContentPage(slug: string, source: string, vars: ContentVars = {}): ContentPage {
  const file = `app/content/${slug}.md`;
  const { data, body } = parseFrontMatter(source, file);

  for (const key of Object.keys(data)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      throw new ContentError(`${file}: unknown front matter key "${key}" (known: ${FRONT_MATTER_KEYS.join(", ")})`);
    }
  }
  const field = (key: string) => (data[key] ? fillPlaceholders(data[key], vars, file) : "");
  const title = field("title");
  const description = field("description");
  if (!title) throw new ContentError(`${file}: front matter needs a title`);
  if (!description) throw new ContentError(`${file}: front matter needs a description`);
  const updated = data.updated || null;
  if (updated && !isValidDate(updated)) {
    throw new ContentError(`${file}: updated must be a date like 2026-11-25, not "${updated}"`);
  }
  const toc = (data.toc ?? "false").toLowerCase();
  if (toc !== "true" && toc !== "false") throw new ContentError(`${file}: toc must be true or false`);

  const markdown = fillPlaceholders(body.replace(/<!--[\s\S]*?-->/g, ""), vars, file);
  const rendered = renderMarkdown(markdown, file);

  return {
    slug,
    title,
    heading: field("heading") || title,
    description,
    eyebrow: field("eyebrow") || null,
    updated,
    toc: toc === "true",
    ...rendered,
  };
}

type Rendered = Pick<ContentPage, "html" | "introHtml" | "sections" | "blocks">;

/** Markdown → HTML with heading ids, split into sections; takes out the extracted blocks. */
function renderMarkdown(markdown: string, file: string): Rendered {
  const ids = new WeakMap<Tokens.Heading, string>();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(token) {
        const id = ids.get(token);
        const attr = id ? ` id="${id}"` : "";
        return `<h${token.depth}${attr}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      // Content is trusted, but raw HTML is not needed: show it as text.
      html(token) {
        return escapeHtml(token.text);
      },
    },
  });

  const blocks: Record<string, string> = {};
  const tokens: Token[] = [];
  for (const token of marked.lexer(markdown)) {
    if (token.type === "code" && (EXTRACTED_BLOCKS as readonly string[]).includes(token.lang ?? "")) {
      const name = token.lang as string;
      if (name in blocks) throw new ContentError(`${file}: more than one \`\`\`${name} block`);
      blocks[name] = token.text.trim();
      continue;
    }
    tokens.push(token);
  }

  // Heading ids (unique within the page) and the heading-order rules.
  const used = new Map<string, number>();
  let previousDepth = 1;
  for (const token of tokens) {
    if (token.type !== "heading") continue;
    const heading = token as Tokens.Heading;
    const text = plainText(heading.tokens, heading.text).trim();
    if (heading.depth === 1) {
      throw new ContentError(`${file}: use "##" for sections; "# ${text}" would be a second h1 (the title is the h1)`);
    }
    if (heading.depth > previousDepth + 1) {
      throw new ContentError(`${file}: heading "${text}" skips a level (h${previousDepth} → h${heading.depth})`);
    }
    previousDepth = heading.depth;
    const base = slugify(text);
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    ids.set(heading, count ? `${base}-${count + 1}` : base);
  }

  const render = (part: Token[]) => marked.parser(part);
  const headingOf = (token: Tokens.Heading) => ({
    id: ids.get(token) ?? "",
    title: plainText(token.tokens, token.text).trim(),
    titleHtml: marked.parseInline(token.text) as string,
  });

  // Split into intro / ## sections / ### items.
  const intro: Token[] = [];
  const sections: { head: Tokens.Heading; body: Token[]; items: { head: Tokens.Heading; body: Token[] }[] }[] = [];
  for (const token of tokens) {
    const section = sections.at(-1);
    if (token.type === "heading" && (token as Tokens.Heading).depth === 2) {
      sections.push({ head: token as Tokens.Heading, body: [], items: [] });
    } else if (section && token.type === "heading" && (token as Tokens.Heading).depth === 3) {
      section.items.push({ head: token as Tokens.Heading, body: [] });
    } else if (section) {
      (section.items.at(-1)?.body ?? section.body).push(token);
    } else {
      intro.push(token);
    }
  }

  return {
    html: render(tokens),
    introHtml: render(intro),
    sections: sections.map((section) => ({
      ...headingOf(section.head),
      html: render(section.body),
      items: section.items.map((item) => ({ ...headingOf(item.head), html: render(item.body) })),
    })),
    blocks,
  };
}

// ---------------------------------------------------------------------------
// The site's pages

/** The Markdown sources, bundled at build time: "../../content/over.md" → file text. */
const SOURCES = import.meta.glob<string>("../../content/*.md", { query: "?raw", import: "default", eager: true });

const SOURCE_BY_SLUG = new Map(
  Object.entries(SOURCES).map(([path, text]) => [path.replace(/^.*\//, "").replace(/\.md$/, ""), text]),
);

/** Slugs of all content pages (each is served at /<slug>), sorted. */
export function listContentSlugs(): string[] {
  return [...SOURCE_BY_SLUG.keys()].sort();
}

/** The raw Markdown of a page, or null (tests use this to check every file). */
export function getContentSource(slug: string): string | null {
  return SOURCE_BY_SLUG.get(slug) ?? null;
}

/** Parsed pages, each with the company details it was filled in with (a change parses again). */
const pageCache = new Map<string, { company: Company; page: ContentPage }>();

/** A parsed page with the company's details filled in (cached), or null when there is no app/content/<slug>.md. */
export function getContentPage(slug: string, company: Company): ContentPage | null {
  const cached = pageCache.get(slug);
  if (cached?.company === company) return cached.page;
  const source = SOURCE_BY_SLUG.get(slug);
  if (source === undefined) return null;
  const page = parseContentPage(slug, source, contentVars(company, getSiteUrl()));
  pageCache.set(slug, { company, page });
  return page;
}

/** Test hook: forget parsed pages. */
export function clearContentCache(): void {
  pageCache.clear();
}

export type ContentRouteData = { page: ContentPage; seo: Seo };

/**
 * For the loaders of the content routes: the page and its meta, or a 404 Response when
 * the Markdown file is missing (the root ErrorBoundary shows "Pagina niet gevonden").
 */
export async function loadContentPage(slug: string): Promise<ContentRouteData> {
  if (!SOURCE_BY_SLUG.has(slug)) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const page = getContentPage(slug, await loadFromBackend(loadCompany))!;
  return {
    page,
    seo: {
      title: page.title,
      description: page.description,
      canonical: canonicalUrl(getSiteUrl(), `/${slug}`),
      type: "article",
      // pages with a preview image of their own (og-image.ts); the others have none yet
      ...(OG_CONTENT_PAGES[slug]
        ? { image: { url: canonicalUrl(getSiteUrl(), ogImagePath("pagina", slug)), alt: OG_CONTENT_PAGES[slug]!.title } }
        : {}),
    },
  };
}

/**
 * Response headers of content pages: the text only changes with a new build, so caches may
 * keep it for five minutes. The layout around it shows the visitor's cart count (session
 * cookie), hence `Vary: Cookie`: a cache never hands one visitor's page to another, and the
 * browser fetches a fresh copy as soon as the cart (and so the cookie) changes.
 */
export const CONTENT_HEADERS = { "Cache-Control": "public, max-age=300", Vary: "Cookie" } as const;
