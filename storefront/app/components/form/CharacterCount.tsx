import { useEffect, useState } from "react";
import { formatNumber } from "~/lib/format";

/** From how many characters left the count is announced (and shown in bold): a tenth of the limit, at least 20. */
export const nearLimit = (max: number) => Math.max(20, Math.round(max / 10));

/**
 * What the count says: always the count ("120 van 2.000 tekens"), and for a screen reader only
 * near the limit ("Nog 40 tekens over.", at the limit that more is cut off).
 */
export function characterCountText(length: number, max: number): { shown: string; announced: string | null; near: boolean } {
  const left = Math.max(0, max - length);
  const shown = `${formatNumber(length)} van ${formatNumber(max)} tekens`;
  if (left === 0) return { shown: `${shown}: de grens is bereikt`, announced: `Je hebt de grens van ${formatNumber(max)} tekens bereikt. Wat je meer typt of plakt, valt weg.`, near: true };
  if (left <= nearLimit(max)) return { shown, announced: `Nog ${formatNumber(left)} ${left === 1 ? "teken" : "tekens"} over.`, near: true };
  return { shown, announced: null, near: false };
}

/** How long typing must pause before the count is announced (GOV.UK's character count waits too). */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * A text field's live count, shown only once JavaScript runs (the field's hint names the limit,
 * which is enough without it): the count under the field, and a polite live region that speaks
 * only near the limit, after typing pauses, so a screen reader is not interrupted at every key.
 * The field's maxLength cuts longer text; at the limit the count says so.
 */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { shown, announced, near } = characterCountText(length, max);
  const [spoken, setSpoken] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(announced), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [announced]);
  if (!hydrated) return null;
  return (
    <>
      <p id={id} data-testid="character-count" className={`mt-1 text-sm ${near ? "font-semibold text-slate-900" : "text-slate-700"}`}>
        {shown}
      </p>
      <p aria-live="polite" className="sr-only" data-testid="character-count-live">
        {spoken}
      </p>
    </>
  );
}
