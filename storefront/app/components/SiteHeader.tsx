import { Icon } from "~/components/Icon";
import { Link, NavLink } from "@remix-run/react";
import { CartLink } from "./CartLink";
import { Logo } from "./Logo";

export const MAIN_NAV = [
  { to: "/", label: "Winkel" },
  { to: "/groepen", label: "Groepen" },
  { to: "/gedragsregels", label: "Gedragsregels" },
] as const;

function navLinkClass({ isActive }: { isActive: boolean }): string {
  return [
    "inline-block rounded-sm py-1 font-semibold underline-offset-8 decoration-brand-yellow decoration-[3px]",
    isActive ? "underline text-white" : "text-slate-100 hover:underline",
  ].join(" ");
}

/** "Inloggen" for visitors, "Mijn groep" for a signed-in group admin (from the session cookie: no backend call). */
function AccountLink({ signedIn }: { signedIn: boolean }) {
  return (
    <NavLink
      to={signedIn ? "/mijn-groep" : "/inloggen"}
      data-testid="account-link"
      className={({ isActive }) =>
        `inline-flex items-center gap-2 rounded-md px-3 py-2 font-semibold text-white hover:bg-white/10 ${isActive ? "underline decoration-brand-yellow decoration-[3px] underline-offset-8" : ""}`
      }
    >
      <Icon name="person" className="h-6 w-6" />
      <span>{signedIn ? "Mijn groep" : "Inloggen"}</span>
    </NavLink>
  );
}

export function SiteHeader({ cartCount, signedIn = false }: { cartCount: number; signedIn?: boolean }) {
  return (
    <header data-surface="dark" className="border-b-4 border-brand-yellow bg-brand-blue text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3">
        <Link to="/" className="flex items-center gap-3 rounded-md text-xl font-extrabold tracking-tight">
          <Logo className="h-11 w-11 shrink-0" />
          {/* Reads as "Buurtpreventie Shop"; "Shop" is highlighted. */}
          <span>
            Buurtpreventie <span className="text-brand-yellow">Shop</span>
          </span>
        </Link>
        <nav aria-label="Hoofdmenu" className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            {MAIN_NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} prefetch="intent" className={navLinkClass}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-x-1">
          <AccountLink signedIn={signedIn} />
          <CartLink count={cartCount} />
        </div>
      </div>
    </header>
  );
}
