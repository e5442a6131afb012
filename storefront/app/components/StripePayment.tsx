import { useEffect, useRef, useState } from "react";
import type { Stripe, StripeElements } from "@stripe/stripe-js";

type StripePaymentProps = {
  publishableKey: string;
  clientSecret: string;
  /** Where Stripe sends the shopper after iDEAL/Bancontact/3-D Secure (absolute URL). */
  returnUrl: string;
};

/**
 * Stripe's Payment Element (iDEAL, Bancontact, cards). Loaded only when the shopper
 * chooses to pay online, so the product and cart pages ship no Stripe code.
 */
export function StripePayment({ publishableKey, clientSecret, returnUrl }: StripePaymentProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [elements, setElements] = useState<StripeElements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);

  useEffect(() => {
    let cancelled = false;
    import("@stripe/stripe-js")
      .then(({ loadStripe }) => loadStripe(publishableKey, { locale: "nl" }))
      .then((instance) => {
        if (cancelled || !instance || !mountRef.current) return;
        const els = instance.elements({ clientSecret, appearance: { theme: "stripe", variables: { colorPrimary: "#0b3a75" } } });
        els.create("payment", { layout: "tabs" }).mount(mountRef.current);
        setStripe(instance);
        setElements(els);
      })
      .catch(() => setError("De betaalmodule kon niet worden geladen. Controleer je verbinding of kies Betalen op rekening."));
    return () => {
      cancelled = true;
    };
  }, [publishableKey, clientSecret]);

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
    <div className="mt-6 rounded-xl border border-slate-300 p-4">
      <div ref={mountRef} />
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
        {paying ? "Bezig met betalen…" : "Nu betalen"}
      </button>
    </div>
  );
}
