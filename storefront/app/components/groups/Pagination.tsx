import { Link } from "@remix-run/react";

type PaginationProps = {
  /** "Groep 21–40 van 184". */
  label: string;
  page: number;
  pageCount: number;
  /** The href of another page (keeps the search). */
  hrefFor: (page: number) => string;
  previousPage: number | null;
  nextPage: number | null;
};

const linkClass =
  "inline-flex items-center gap-1 rounded-lg border-2 border-brand-blue bg-white px-4 py-2 font-semibold text-brand-blue hover:bg-brand-blue-light";
const disabledClass = "inline-flex items-center gap-1 rounded-lg border-2 border-slate-200 px-4 py-2 font-semibold text-slate-500";

/** Vorige/Volgende links with the position in words; plain links, so it works without JavaScript. */
export function Pagination({ label, page, pageCount, hrefFor, previousPage, nextPage }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Paginering" className="mt-6 flex flex-wrap items-center justify-between gap-3">
      {previousPage ? (
        <Link to={hrefFor(previousPage)} rel="prev" className={linkClass} preventScrollReset={false}>
          <span aria-hidden="true">←</span> Vorige<span className="sr-only"> pagina</span>
        </Link>
      ) : (
        <span className={disabledClass} aria-hidden="true">
          ← Vorige
        </span>
      )}
      {/* on a phone the position takes its own row above, so Vorige and Volgende share one */}
      <p className="order-first w-full text-center text-sm text-slate-700 sm:order-none sm:w-auto">
        {label} <span className="text-slate-500">·</span> pagina {page} van {pageCount}
      </p>
      {nextPage ? (
        <Link to={hrefFor(nextPage)} rel="next" className={linkClass}>
          Volgende<span className="sr-only"> pagina</span> <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span className={disabledClass} aria-hidden="true">
          Volgende →
        </span>
      )}
    </nav>
  );
}
