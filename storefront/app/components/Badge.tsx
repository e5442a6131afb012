import type { ReactNode } from "react";

/** Colours with a dark text and border on a light fill (contrast ≥ 4.5:1); the words carry the meaning. */
const TONES = {
  amber: "bg-amber-100 text-amber-950 border-amber-700",
  green: "bg-green-100 text-green-950 border-green-700",
  red: "bg-red-100 text-red-950 border-red-700",
  slate: "bg-slate-100 text-slate-900 border-slate-600",
  sky: "bg-sky-100 text-sky-950 border-sky-700",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A status in words (never colour alone), as a rounded label. */
export function Badge({ tone, testId, children }: { tone: BadgeTone; testId?: string; children: ReactNode }) {
  return (
    <span data-testid={testId} className={`inline-block rounded-full border px-3 py-0.5 text-sm font-semibold ${TONES[tone]}`}>
      {children}
    </span>
  );
}
