import { useEffect, useState } from "react";

/** "Afdrukken" for browsers with JavaScript; without it the browser's own print menu works. */
export function PrintButton({ label = "Afdrukken" }: { label?: string }) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (!enhanced) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex items-center gap-2 rounded-md border-2 border-brand-blue bg-white px-4 py-2 font-semibold text-brand-blue hover:bg-brand-blue hover:text-white print:hidden"
    >
      <svg viewBox="0 0 24 24" className="h-5 w-5" aria-hidden="true" focusable="false">
        <path
          d="M7 9V3h10v6M7 18H5a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2M7 14h10v7H7z"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      {label}
    </button>
  );
}
