import { Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import { type Company, INFO_NAV, type NavItem, phoneHref, SERVICE_NAV, STOREFRONT_NAME, VAT_RATE_PERCENT } from "~/lib/site";
import { MAIN_NAV } from "./SiteHeader";

const linkClass = "rounded-sm underline-offset-4 hover:underline";

function FooterNav({ label, items }: { label: string; items: readonly NavItem[] }) {
  const id = `footer-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <nav aria-labelledby={id}>
      <h2 id={id} className="text-sm font-bold tracking-wide text-brand-yellow uppercase">
        {label}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className={linkClass}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type SiteFooterProps = {
  /**
   * Company details from the configuration (company.server.ts). When omitted, the footer
   * uses `company` from the root loader data if the root loader provides it.
   */
  company?: Company;
};

export function SiteFooter({ company: companyProp }: SiteFooterProps = {}) {
  // undefined while the root loader provides no company (or failed: ErrorBoundary render)
  const rootData = useRouteLoaderData<{ company?: Company }>("root");
  const company = companyProp ?? rootData?.company;
  // The group directory places postcodes with GeoNames data (CC BY 4.0), which asks for credit.
  const usesPostcodeData = /^\/(groepen|gemeenten)(\/|$)/.test(useLocation().pathname);

  return (
    <footer data-surface="dark" className="mt-16 bg-brand-blue-dark text-slate-100">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <p className="text-lg font-bold text-white">{STOREFRONT_NAME}</p>
          <p className="mt-2 text-sm leading-relaxed">
            Borden en stickers voor WhatsApp-buurtpreventiegroepen, zodat iedereen ziet dat de buurt oplet.
          </p>
          <ul className="mt-4 space-y-1 text-sm">
            <li>{`Prijzen incl. ${VAT_RATE_PERCENT}% btw`}</li>
            <li>Verzending binnen Nederland en België</li>
          </ul>
        </div>
        <FooterNav label="Snel naar" items={MAIN_NAV} />
        <FooterNav label="Informatie" items={INFO_NAV} />
        <FooterNav label="Klantenservice" items={SERVICE_NAV} />
      </div>
      {company ? (
        <div className="border-t border-white/15">
          <p data-testid="footer-company" className="mx-auto max-w-6xl px-4 py-4 text-xs leading-relaxed text-slate-300">
            {company.name} · {company.address}, {company.postcode} {company.city} ·{" "}
            <a href={`mailto:${company.email}`} className={linkClass}>
              {company.email}
            </a>{" "}
            ·{" "}
            <a href={phoneHref(company.phone)} className={linkClass}>
              {company.phone}
            </a>{" "}
            · KvK {company.kvk} · btw-id {company.btw}
          </p>
        </div>
      ) : null}
      {usesPostcodeData ? (
        <p data-testid="footer-geonames" className="mx-auto max-w-6xl px-4 pb-4 text-xs text-slate-300">
          Postcodegegevens:{" "}
          <a href="https://www.geonames.org/" className={`${linkClass} underline`}>
            GeoNames
          </a>{" "}
          (
          <a href="https://creativecommons.org/licenses/by/4.0/deed.nl" className={`${linkClass} underline`}>
            CC BY 4.0
          </a>
          )
        </p>
      ) : null}
    </footer>
  );
}
