import type { LinkDescriptor } from "@remix-run/node";
import type { ReactNode } from "react";
import printStyles from "~/styles/print.css?url";
import type { ContentPage } from "~/lib/content/content.server";
import { formatDate } from "~/lib/format";
import { Prose } from "./Prose";
import { PAGE_TITLE } from "~/components/PageTitle";

/** For the `links` export of content routes: hides the site chrome when printing. */
export const printStylesheet: LinkDescriptor = { rel: "stylesheet", href: printStyles, media: "print" };

/** What the page layout needs from a parsed Markdown page. */
export type ContentPageData = Pick<ContentPage, "heading" | "description" | "eyebrow" | "updated" | "toc" | "html"> & {
  sections: { id: string; title: string }[];
};

/** The coloured band at the top of every information page: eyebrow, the one h1, the lead. */
export function PageIntro({
  heading,
  description,
  eyebrow,
  updated,
  children,
}: Pick<ContentPageData, "heading" | "description" | "eyebrow" | "updated"> & { children?: ReactNode }) {
  return (
    <div className="border-b border-slate-200 bg-brand-blue-light print:border-0 print:bg-white">
      <div className="mx-auto max-w-6xl px-4 py-10 sm:py-12 print:px-0 print:py-0">
        {eyebrow ? (
          <p className="text-sm font-semibold tracking-wide text-brand-blue uppercase">{eyebrow}</p>
        ) : null}
        <h1 className={`mt-2 max-w-3xl text-balance sm:text-4xl ${PAGE_TITLE}`}>
          {heading}
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-700">{description}</p>
        {updated ? (
          <p className="mt-3 text-sm text-slate-700">
            Laatst bijgewerkt op <time dateTime={updated}>{formatDate(updated)}</time>
          </p>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/** "Op deze pagina": links to the ## sections of a long page. */
export function TableOfContents({ sections }: { sections: ContentPageData["sections"] }) {
  if (sections.length < 2) return null;
  return (
    <nav aria-labelledby="op-deze-pagina" className="rounded-xl border border-slate-200 bg-white p-5 print:hidden">
      <h2 id="op-deze-pagina" className="text-sm font-bold tracking-wide text-brand-blue uppercase">
        Op deze pagina
      </h2>
      <ol className="mt-3 space-y-2 text-sm">
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className="rounded-sm text-slate-800 underline-offset-4 hover:text-brand-blue hover:underline"
            >
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * A plain Markdown page: intro band, the body in readable width and, for long pages
 * (front matter `toc: true`), a table of contents beside it on wide screens.
 * `lead` renders under the intro (the withdrawal button on /retourneren); `children` under the
 * body (e.g. company details on /contact).
 */
export function ContentPage({ page, lead, children }: { page: ContentPageData; lead?: ReactNode; children?: ReactNode }) {
  const showToc = page.toc && page.sections.length > 1;
  return (
    <article>
      <PageIntro heading={page.heading} description={page.description} eyebrow={page.eyebrow} updated={page.updated}>
        {lead}
      </PageIntro>
      <div
        className={`mx-auto max-w-6xl px-4 py-10 sm:py-12 print:px-0 ${
          showToc ? "lg:grid lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-start lg:gap-12" : ""
        }`}
      >
        {showToc ? (
          <div className="mb-10 lg:sticky lg:top-6 lg:order-last lg:mb-0">
            <TableOfContents sections={page.sections} />
          </div>
        ) : null}
        <div>
          <Prose html={page.html} />
          {children}
        </div>
      </div>
    </article>
  );
}
