import { Icon } from "~/components/Icon";
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
      <Icon name="print" className="h-5 w-5" />
      {label}
    </button>
  );
}
