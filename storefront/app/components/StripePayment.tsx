import { useEffect, useRef, useState } from "react";
import type { Stripe, StripeConstructor, StripeElements } from "@stripe/stripe-js";
import { ORDER_BUTTON_LABEL, TermsNote } from "./OrderButton";

type StripePaymentProps = {
  publishableKey: string;
  /** Stripe.js: https://js.stripe.com/v3 in production, a loopback stand-in in tests (STRIPE_JS_URL). */
  scriptUrl: string;
  clientSecret: string;
  /** The chosen method, e.g. "iDEAL | Wero": the intent offers only that one. */
  methodLabel: string;
  /** Where Stripe sends the shopper after iDEAL/Bancontact/3-D Secure (absolute URL). */
  returnUrl: string;
};

declare global {
  interface Window {
    Stripe?: StripeConstructor;
  }
}

let loading: Promise<StripeConstructor> | undefined;

/**
 * Loads Stripe.js once from the configured URL (Stripe requires its own script; it
 * cannot be bundled). @stripe/stripe-js's loadStripe always uses js.stripe.com, so
 * the script tag is ours and only the types come from that package.
 */
function loadStripeJs(src: string): Promise<StripeConstructor> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  loading ??= new Promise<StripeConstructor>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error("Stripe.js did not load")));
    script.onerror = () => {
      loading = undefined;
      reject(new Error("Stripe.js did not load"));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/**
 * Stripe's Payment Element for the chosen method. Loaded only when the shopper
 * chooses to pay online, so the product and cart pages ship no Stripe code.
 */
export function StripePayment({ publishableKey, scriptUrl, clientSecret, methodLabel, returnUrl }: StripePaymentProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [elements, setElements] = useState<StripeElements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadStripeJs(scriptUrl)
      .then((StripeJs) => {
        if (cancelled || !mountRef.current) return;
        const instance = StripeJs(publishableKey, { locale: "nl" });
        const els = instance.elements({ clientSecret, appearance: { theme: "stripe", variables: { colorPrimary: "#0b3a75" } } });
        els.create("payment", { layout: "tabs" }).mount(mountRef.current);
        setStripe(instance);
        setElements(els);
      })
      .catch(() => setError("De betaalmodule kon niet worden geladen. Controleer je verbinding of kies een andere betaalwijze."));
    return () => {
      cancelled = true;
    };
  }, [publishableKey, scriptUrl, clientSecret]);

  async function pay() {
    if (!stripe || !elements) return;
    setPaying(true);
    setError(null);
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
    // Only reached when the payment failed before a redirect (e.g. card declined).
    setError(result.error?.message ?? "De betaling is niet gelukt. Probeer het opnieuw.");
    setPaying(false);
  }

  return (
    <section aria-labelledby="online-betalen" className="mt-6 rounded-xl border border-slate-300 p-4">
      <h3 id="online-betalen" className="font-semibold text-slate-900">
        Betalen met {methodLabel}
      </h3>
      <div ref={mountRef} className="mt-3" />
      {error ? (
        <p role="alert" className="mt-3 font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        onClick={pay}
        disabled={!elements || paying}
        className="mt-4 rounded-lg bg-brand-blue px-5 py-3 text-lg font-semibold text-white hover:bg-brand-blue-dark disabled:bg-slate-400"
      >
        {paying ? "Bezig met betalen…" : ORDER_BUTTON_LABEL}
      </button>
      <TermsNote />
    </section>
  );
}
