/** First focusable element: jumps past the header to <main id="inhoud">. */
export function SkipLink({ target = "inhoud" }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-brand-yellow focus:px-4 focus:py-2 focus:font-semibold focus:text-slate-950 focus:shadow-lg"
    >
      Naar de inhoud
    </a>
  );
}
