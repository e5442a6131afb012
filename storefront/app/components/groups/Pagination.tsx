import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

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

/** The history state of a page reached with Vorige/Volgende (read by useFocusAfterPageChange). */
export const PAGE_CHANGE_STATE = { pageChange: true } as const;

/**
 * A ref for the list a Vorige/Volgende link changes: after such a client-side page change
 * focus moves there (the element needs `tabIndex={-1}`), so keyboard and screen-reader users
 * continue at the new page's list instead of at the link they left or the page's top
 * (WCAG 2.4.3; stranger's walk), as useFocusAfterClientNavigation does for a new page. Not
 * on the first render (a full page load or another page: the browser starts at the top, as
 * without JavaScript), nor after any other change of the address (a new search).
 */
export function useFocusAfterPageChange<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const { key, state } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if ((state as { pageChange?: unknown } | null)?.pageChange !== true || !ref.current) return;
    focusAtTop(ref.current);
    // only when the address changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return ref;
}

/**
 * Focus on the element and scroll it to the top of the viewport: focus alone left it where
 * the scroll to the top put it, a new page's heading at the bottom edge of a phone's screen
 * (stranger's walk, 390 × 844). An instant jump, never smooth scrolling (which
 * prefers-reduced-motion asks to avoid, and which adds nothing after a page change).
 */
export function focusAtTop(element: HTMLElement) {
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "start", behavior: "instant" });
}

const linkClass =
  "inline-flex items-center gap-1 rounded-lg border-2 border-brand-blue bg-white px-4 py-2 font-semibold text-brand-blue hover:bg-brand-blue-light";
const disabledClass = "inline-flex items-center gap-1 rounded-lg border-2 border-slate-200 px-4 py-2 font-semibold text-slate-500";

/**
 * Vorige/Volgende links with the position in words; plain links, so it works without JavaScript.
 * With JavaScript they mark the page change, so the page's list takes focus (useFocusAfterPageChange).
 */
export function Pagination({ label, page, pageCount, hrefFor, previousPage, nextPage }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Paginering" className="mt-6 flex flex-wrap items-center justify-between gap-3">
      {previousPage ? (
        <Link to={hrefFor(previousPage)} rel="prev" state={PAGE_CHANGE_STATE} className={linkClass} preventScrollReset={false}>
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
        <Link to={hrefFor(nextPage)} rel="next" state={PAGE_CHANGE_STATE} className={linkClass}>
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
