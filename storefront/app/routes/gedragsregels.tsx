import type { HeadersFunction, LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { printStylesheet, PageIntro } from "~/components/ContentPage";
import { CopyForWhatsApp } from "~/components/CopyForWhatsApp";
import { PrintButton } from "~/components/PrintButton";
import { Prose } from "~/components/Prose";
import { CONTENT_HEADERS, type ContentSection, loadContentPage } from "~/lib/content/content.server";
import { seoMeta } from "~/lib/seo/seo";
import { STOREFRONT_NAME } from "~/lib/site";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const headers: HeadersFunction = () => CONTENT_HEADERS;

export const links: LinksFunction = () => [printStylesheet];

export function loader() {
  return loadContentPage("gedragsregels");
}

/** The SAAR steps: one card per `###` heading, with the step's initial as a big letter. */
function StepsSection({ section }: { section: ContentSection }) {
  return (
    <section aria-labelledby={section.id} data-print="keep">
      <h2
        id={section.id}
        className="scroll-mt-6 text-2xl font-bold tracking-tight text-brand-blue sm:text-3xl"
        dangerouslySetInnerHTML={{ __html: section.titleHtml }}
      />
      {section.html ? <Prose html={section.html} className="mt-4 max-w-3xl" /> : null}
      <ol data-testid="saar-steps" className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4 print:mt-4 print:grid-cols-2 print:gap-3">
        {section.items.map((step) => (
          <li
            key={step.id}
            className="flex flex-col rounded-xl border-2 border-brand-blue bg-white p-5 shadow-sm print:break-inside-avoid print:p-4 print:shadow-none"
          >
            <h3 id={step.id} className="flex items-center gap-3 text-xl font-bold text-brand-blue">
              <span
                aria-hidden="true"
                className="grid h-12 w-12 shrink-0 place-items-center rounded-lg bg-brand-yellow text-3xl font-black text-brand-blue-dark"
              >
                {step.title.charAt(0).toUpperCase()}
              </span>
              <span dangerouslySetInnerHTML={{ __html: step.titleHtml }} />
            </h3>
            <Prose html={step.html} size="compact" className="mt-3" />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A block of rules (a `##` section without sub-headings). */
function RulesSection({ section }: { section: ContentSection }) {
  return (
    <section aria-labelledby={section.id} className="rounded-xl bg-slate-50 p-6 print:bg-white print:p-0">
      <h2
        id={section.id}
        className="scroll-mt-6 text-2xl font-bold tracking-tight text-brand-blue"
        dangerouslySetInnerHTML={{ __html: section.titleHtml }}
      />
      <Prose html={section.html} size="compact" className="mt-4 [&_li+li]:mt-2.5" />
    </section>
  );
}

export default function Gedragsregels() {
  const { page, seo } = useLoaderData<typeof loader>();
  const steps = page.sections.filter((section) => section.items.length > 0);
  const rules = page.sections.filter((section) => section.items.length === 0);
  const whatsapp = page.blocks.whatsapp;

  return (
    <article data-print="poster">
      <PageIntro heading={page.heading} description={page.description} eyebrow={page.eyebrow} updated={null}>
        <div className="mt-6 flex flex-wrap items-center gap-3 print:hidden">
          {whatsapp ? (
            <a
              href="#whatsapp"
              className="inline-flex items-center rounded-md bg-brand-blue px-4 py-2 font-semibold text-white hover:bg-brand-blue-dark"
            >
              Naar de tekst voor WhatsApp
            </a>
          ) : null}
          <PrintButton label="Afdrukken als poster" />
        </div>
      </PageIntro>

      <div className="mx-auto max-w-6xl space-y-12 px-4 py-10 sm:py-12 print:space-y-6 print:px-0 print:py-5">
        {page.introHtml ? <Prose html={page.introHtml} /> : null}
        {steps.map((section) => (
          <StepsSection key={section.id} section={section} />
        ))}
        {rules.length ? (
          <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2 print:gap-8">
            {rules.map((section) => (
              <RulesSection key={section.id} section={section} />
            ))}
          </div>
        ) : null}
      </div>

      {whatsapp ? (
        <section aria-labelledby="whatsapp" className="border-t border-slate-200 bg-brand-blue-light print:hidden">
          <div className="mx-auto max-w-6xl px-4 py-10 sm:py-12">
            <h2 id="whatsapp" className="scroll-mt-6 text-2xl font-bold tracking-tight text-brand-blue">
              Kopieer de regels voor WhatsApp
            </h2>
            <p className="mt-3 max-w-[68ch] text-lg text-slate-700">
              Een korte versie om in de groepsbeschrijving te zetten of naar nieuwe leden te sturen. De sterretjes
              maken tekst vet in WhatsApp.
            </p>
            <div className="mt-6">
              <CopyForWhatsApp text={whatsapp} />
            </div>
          </div>
        </section>
      ) : null}

      {/* Poster footer: where the rules live online. */}
      <p className="hidden border-t-2 border-brand-blue pt-3 text-sm text-slate-800 print:block">
        <strong>{STOREFRONT_NAME}</strong> · Alle regels en een versie voor WhatsApp: {seo.canonical}
      </p>
    </article>
  );
}
