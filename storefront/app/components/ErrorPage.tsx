import { Link } from "@remix-run/react";
import { errorText } from "~/lib/error-messages";
import { PAGE_TITLE } from "~/components/PageTitle";

/** Friendly error content in the site layout (used by the root ErrorBoundary). */
export function ErrorPage({ status }: { status: number }) {
  const { title, message } = errorText(status);
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-blue uppercase">Foutcode {status}</p>
      <h1 className={`mt-2 sm:text-4xl ${PAGE_TITLE}`}>{title}</h1>
      <p className="mt-4 text-lg text-slate-700">{message}</p>
      <p className="mt-8">
        <Link
          to="/"
          className="inline-block rounded-md bg-brand-blue px-5 py-3 font-semibold text-white hover:bg-brand-blue-dark"
        >
          Terug naar de winkel
        </Link>
      </p>
    </div>
  );
}
