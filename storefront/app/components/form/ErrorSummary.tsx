import { type MouseEvent, useEffect, useRef } from "react";

type ErrorSummaryProps = {
  /** [field, message] in form order; "_" is a problem with the whole form (no link). */
  errors: [string, string][];
  /** Where each field's link points: "#field-<name>" unless given. */
  anchorFor?: (field: string) => string;
  /** Changes with every submission, so focus moves to the summary again. */
  submissionKey?: unknown;
};

/** Following a link to a field focuses the field itself (browsers only scroll to it). */
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.hash.slice(1);
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  event.preventDefault();
  // Show the label above the field too.
  (target.closest("div, fieldset") ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/**
 * "Er zijn N velden niet goed ingevuld", with a link to each field. Gets focus after a
 * failed submission (with JavaScript); without it, role="alert" and its place at the top
 * of the form make it the first thing read.
 */
export function ErrorSummary({ errors, anchorFor = (field) => `#field-${field}`, submissionKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submissionKey]);
  if (!errors.length) return null;
  const fieldErrors = errors.filter(([field]) => field !== "_");
  const formErrors = errors.filter(([field]) => field === "_");
  const count = fieldErrors.length;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      data-testid="error-summary"
      className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-red-900 focus-visible:outline-red-800"
    >
      {formErrors.map(([, message]) => (
        <p key={message} className="font-semibold">
          {message}
        </p>
      ))}
      {count ? (
        <>
          <p className={`font-semibold ${formErrors.length ? "mt-2" : ""}`}>
            {count === 1 ? "Eén veld is nog niet goed ingevuld:" : `${count} velden zijn nog niet goed ingevuld:`}
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
            {fieldErrors.map(([field, message]) => (
              <li key={field}>
                <a href={anchorFor(field)} onClick={focusTarget} className="underline underline-offset-2 hover:no-underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
