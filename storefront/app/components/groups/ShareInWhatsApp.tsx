import { useEffect, useRef, useState } from "react";

type ShareInWhatsAppProps = {
  groupName: string;
  /** https://wa.me/?text=… (works without JavaScript). */
  whatsAppUrl: string;
  /** The message with the order link. */
  message: string;
  orderUrl: string;
  posterPath: string;
  headingLevel?: 2 | 3;
  id: string;
};

const linkClass = "font-semibold text-brand-blue underline underline-offset-2 hover:no-underline";

/**
 * "Deel in je WhatsApp-groep" for a group's admin. Without JavaScript a plain link to
 * wa.me with the message; once hydrated, the phone's share sheet (Web Share API) where
 * the browser has one, and a button that copies the message (Clipboard API) as the
 * fallback. Only the shop's order link is shared, never the chat's invite link.
 */
export function ShareInWhatsApp({ groupName, whatsAppUrl, message, orderUrl, posterPath, headingLevel = 2, id }: ShareInWhatsAppProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [canShare, setCanShare] = useState(false);
  const [canCopy, setCanCopy] = useState(false);
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    setCanShare(typeof navigator.share === "function");
    setCanCopy(Boolean(navigator.clipboard) && window.isSecureContext);
    return () => clearTimeout(timer.current);
  }, []);

  const say = (text: string) => {
    clearTimeout(timer.current);
    setStatus("");
    // a fresh text each time, so pressing twice announces it again
    setTimeout(() => setStatus(text), 30);
    timer.current = setTimeout(() => setStatus(""), 8000);
  };

  async function onShare() {
    try {
      await navigator.share({ title: `Bestellen voor ${groupName}`, text: message });
    } catch (error) {
      // the visitor closed the share sheet: nothing to say
      if ((error as Error)?.name !== "AbortError") say("Delen lukte niet. Gebruik de WhatsApp-link of kopieer het bericht.");
    }
  }

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(message);
      say("Gekopieerd! Plak het bericht in je WhatsApp-groep.");
    } catch {
      say("Kopiëren lukte niet. Selecteer het bericht hieronder en kopieer het zelf.");
    }
  }

  return (
    <section aria-labelledby={id} data-testid="group-share" className="rounded-xl border-2 border-green-700/30 bg-green-50 p-5">
      <Heading id={id} className="text-xl font-bold text-slate-900">
        Deel in je WhatsApp-groep
      </Heading>
      <p className="mt-1 text-slate-800">
        Je leden bestellen via deze link een raamsticker of bord; hun bestelling telt mee voor {groupName}. Je ziet hier alleen
        aantallen, nooit namen of adressen.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <a
          href={whatsAppUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="share-whatsapp"
          className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-green-800 px-5 py-3 font-bold text-white hover:bg-green-900"
        >
          Deel in je WhatsApp-groep<span className="sr-only"> (opent WhatsApp)</span>
        </a>
        {canShare ? (
          <button
            type="button"
            onClick={onShare}
            className="inline-flex min-h-11 items-center rounded-lg border-2 border-green-800 bg-white px-4 py-2.5 font-semibold text-green-900 hover:bg-green-100"
          >
            Delen via…
          </button>
        ) : null}
        {canCopy ? (
          <button
            type="button"
            onClick={onCopy}
            className="inline-flex min-h-11 items-center rounded-lg border-2 border-slate-400 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100"
          >
            Kopieer bericht
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="mt-2 min-h-6 font-semibold text-green-900">
        {status}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer font-semibold text-slate-900">Bekijk het bericht</summary>
        <pre data-testid="share-message" className="mt-2 rounded-lg bg-white p-4 font-sans text-sm whitespace-pre-wrap text-slate-900">
          {message}
        </pre>
      </details>
      <p className="mt-3 text-sm text-slate-700">
        Bestellink:{" "}
        <a href={orderUrl} className={`${linkClass} break-all`} data-testid="order-link">
          {orderUrl}
        </a>
      </p>
      <p className="mt-3">
        <a href={posterPath} className={linkClass} data-testid="poster-link">
          Download de poster (A4, pdf)<span className="sr-only"> van {groupName}</span>
        </a>
      </p>
    </section>
  );
}
