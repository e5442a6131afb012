import { data, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { errorText } from "~/lib/error-messages";
import { pageTitle } from "~/lib/seo/seo";
import { INFO_NAV, SERVICE_NAV } from "~/lib/site";

/**
 * Catch-all for URLs no other route matches: the friendly 404 page inside the site layout,
 * with HTTP status 404 (entry.server.tsx marks it no-store). Other routes that cannot find
 * something throw a 404 Response instead; the root ErrorBoundary renders the same ErrorPage.
 */
export function loader() {
  return data({ notFound: true }, { status: 404, statusText: "Not Found" });
}

export const meta: MetaFunction = () => [
  { title: pageTitle(errorText(404).title) },
  { name: "robots", content: "noindex" },
];

const SUGGESTIONS = [{ to: "/", label: "Borden en stickers in de winkel" }, ...INFO_NAV, { to: "/contact", label: "Contact" }];

export default function NotFound() {
  return (
    <>
      <ErrorPage status={404} />
      <nav aria-labelledby="misschien-zoek-je" className="mx-auto max-w-3xl px-4 pb-4">
        <h2 id="misschien-zoek-je" className="text-xl font-bold text-slate-900">
          Misschien zoek je
        </h2>
        <ul className="mt-3 space-y-2 text-lg">
          {SUGGESTIONS.map((item) => (
            <li key={item.to}>
              <Link to={item.to} className="font-semibold text-brand-blue underline underline-offset-4 hover:decoration-2">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
