import { Link } from "@remix-run/react";

const STEPS = [
  { key: "gegevens", label: "Gegevens", to: "/afrekenen" },
  { key: "verzending", label: "Verzending", to: "/afrekenen/verzending" },
  { key: "betalen", label: "Betalen", to: "/afrekenen/betalen" },
] as const;

export type CheckoutStep = (typeof STEPS)[number]["key"];

export function CheckoutSteps({ current, reachable }: { current: CheckoutStep; reachable: CheckoutStep[] }) {
  return (
    <nav aria-label="Stappen bij het afrekenen">
      <ol className="flex flex-wrap gap-2 text-sm">
        {STEPS.map((step, index) => {
          const isCurrent = step.key === current;
          const label = `${index + 1}. ${step.label}`;
          return (
            <li key={step.key}>
              {isCurrent || !reachable.includes(step.key) ? (
                <span
                  aria-current={isCurrent ? "step" : undefined}
                  className={`inline-block rounded-full px-4 py-1.5 font-semibold ${
                    isCurrent ? "bg-brand-blue text-white" : "bg-slate-100 text-slate-700"
                  }`}
                >
                  {label}
                </span>
              ) : (
                <Link to={step.to} className="inline-block rounded-full bg-brand-blue-light px-4 py-1.5 font-semibold text-brand-blue underline-offset-2 hover:underline">
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
