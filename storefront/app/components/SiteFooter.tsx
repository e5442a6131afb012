import { Link } from "@remix-run/react";
import { STOREFRONT_NAME, VAT_RATE_PERCENT } from "~/lib/site";
import { MAIN_NAV } from "./SiteHeader";

export function SiteFooter() {
  return (
    <footer data-surface="dark" className="mt-16 bg-brand-blue-dark text-slate-100">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        <div>
          <p className="text-lg font-bold text-white">{STOREFRONT_NAME}</p>
          <p className="mt-2 text-sm leading-relaxed">
            Borden en stickers voor WhatsApp-buurtpreventiegroepen, zodat iedereen ziet dat de buurt oplet.
          </p>
        </div>
        <nav aria-label="Footermenu">
          <h2 className="text-sm font-bold tracking-wide text-brand-yellow uppercase">Snel naar</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {MAIN_NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="rounded-sm underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="text-sm">
          <h2 className="font-bold tracking-wide text-brand-yellow uppercase">Goed om te weten</h2>
          <ul className="mt-2 space-y-1">
            <li>{`Prijzen incl. ${VAT_RATE_PERCENT}% btw`}</li>
            <li>Verzending binnen Nederland en België</li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
