import type { HeadersFunction, LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContentPage, printStylesheet } from "~/components/ContentPage";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { loadCompany } from "~/lib/content/company.server";
import { CONTENT_HEADERS, loadContentPage } from "~/lib/content/content.server";
import { seoMeta } from "~/lib/seo/seo";
import { type Company, phoneHref } from "~/lib/site";

// Text: app/content/contact.md; company details: the backend's COMPANY_* settings (GET /store/seller).

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const headers: HeadersFunction = () => CONTENT_HEADERS;

export const links: LinksFunction = () => [printStylesheet];

export async function loader() {
  const [content, company] = await Promise.all([loadContentPage("contact"), loadFromBackend(loadCompany)]);
  return { ...content, company };
}

function CompanyCard({ company }: { company: Company }) {
  const linkClass = "font-semibold text-brand-blue underline underline-offset-4 hover:decoration-2";
  return (
    <section
      aria-labelledby="bedrijfsgegevens"
      data-testid="company-details"
      className="mt-10 max-w-[68ch] rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="bedrijfsgegevens" className="text-2xl font-bold tracking-tight text-brand-blue">
        Bedrijfsgegevens
      </h2>
      <div className="mt-4 grid gap-6 sm:grid-cols-2">
        <address className="text-lg leading-relaxed text-slate-800 not-italic">
          <strong className="font-semibold text-slate-950">{company.name}</strong>
          <br />
          {company.address}
          <br />
          {company.postcode} {company.city}
        </address>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-slate-800">
          <dt className="font-semibold text-slate-950">E-mail</dt>
          <dd>
            <a href={`mailto:${company.email}`} className={linkClass}>
              {company.email}
            </a>
          </dd>
          <dt className="font-semibold text-slate-950">Telefoon</dt>
          <dd>
            <a href={phoneHref(company.phone)} className={linkClass}>
              {company.phone}
            </a>
          </dd>
          <dt className="font-semibold text-slate-950">KvK-nummer</dt>
          <dd>{company.kvk}</dd>
          <dt className="font-semibold text-slate-950">Btw-id</dt>
          <dd>{company.btw}</dd>
        </dl>
      </div>
    </section>
  );
}

export default function Contact() {
  const { page, company } = useLoaderData<typeof loader>();
  return (
    <ContentPage page={page}>
      <CompanyCard company={company} />
    </ContentPage>
  );
}
