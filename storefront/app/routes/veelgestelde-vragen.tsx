import type { HeadersFunction, LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Accordion } from "~/components/Accordion";
import { PageIntro, printStylesheet } from "~/components/ContentPage";
import { Prose } from "~/components/Prose";
import { CONTENT_HEADERS, loadContentPage } from "~/lib/content/content.server";
import { seoMeta } from "~/lib/seo/seo";

// Text: app/content/veelgestelde-vragen.md ("##" = group of questions, "###" = one question)

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const headers: HeadersFunction = () => CONTENT_HEADERS;

export const links: LinksFunction = () => [printStylesheet];

export function loader() {
  return loadContentPage("veelgestelde-vragen");
}

export default function VeelgesteldeVragen() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <article>
      <PageIntro heading={page.heading} description={page.description} eyebrow={page.eyebrow} updated={page.updated} />
      <div className="mx-auto max-w-3xl space-y-12 px-4 py-10 sm:py-12">
        {page.introHtml ? <Prose html={page.introHtml} /> : null}
        {page.sections.map((section) => (
          <section key={section.id} aria-labelledby={section.id}>
            <h2
              id={section.id}
              className="scroll-mt-6 text-2xl font-bold tracking-tight text-brand-blue"
              dangerouslySetInnerHTML={{ __html: section.titleHtml }}
            />
            {section.html ? <Prose html={section.html} className="mt-3" /> : null}
            {section.items.length ? (
              <div className="mt-5">
                <Accordion items={section.items} />
              </div>
            ) : null}
          </section>
        ))}
        <p className="rounded-xl bg-brand-blue-light p-6 text-lg text-slate-800">
          Staat je vraag er niet bij?{" "}
          <Link to="/contact" className="font-semibold text-brand-blue underline underline-offset-4 hover:decoration-2">
            Neem contact met ons op
          </Link>
          .
        </p>
      </div>
    </article>
  );
}
