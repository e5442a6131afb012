import { Link, useLocation } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";

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

/**
 * A ref for the element that takes focus when its page was reached by a client-side
 * navigation (a step, the order confirmation), so keyboard and screen-reader users continue
 * there instead of at the page's top (WCAG 2.4.3). Not on a full page load (`location.key`
 * "default": the browser starts at the top, as without JavaScript). The element needs
 * `tabIndex={-1}`.
 */
export function useFocusAfterClientNavigation<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const { key } = useLocation();
  useEffect(() => {
    if (key !== "default") ref.current?.focus();
    // only when the page mounts
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}

/**
 * The heading of a checkout step. After a client-side step change focus moves here, so
 * keyboard and screen-reader users continue at the new step instead of the page's top
 * (WCAG 2.4.3). Not on a full page load (`location.key` "default": the browser starts at
 * the top, as without JavaScript), and not when the same step re-renders with errors
 * (the error summary takes focus then).
 */
export function CheckoutStepHeading({ children }: { children: ReactNode }) {
  const ref = useFocusAfterClientNavigation<HTMLHeadingElement>();
  return (
    <h2 ref={ref} tabIndex={-1} data-testid="checkout-step-heading" className="mt-6 text-2xl font-bold text-slate-900">
      {children}
    </h2>
  );
}
