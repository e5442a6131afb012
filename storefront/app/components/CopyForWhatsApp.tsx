import { useEffect, useId, useRef, useState } from "react";

const COPIED = "Gekopieerd! Plak de tekst in je WhatsApp-groep.";
const FAILED = "Kopiëren lukte niet. Selecteer de tekst en kopieer die zelf.";

/** Copies with the Clipboard API, or with the older selection + execCommand route. */
async function copyText(text: string, fallbackSource: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or not focused: try the fallback below.
  }
  if (!fallbackSource) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(fallbackSource);
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    selection.removeAllRanges();
  }
}

type CopyForWhatsAppProps = {
  /** Plain text; WhatsApp formatting such as *vet* is kept as it is. */
  text: string;
  label?: string;
};

/**
 * Progressive enhancement: the text is always rendered in a <pre> (select and copy by hand
 * without JavaScript); once hydrated a button copies it and a polite live region says so.
 */
export function CopyForWhatsApp({ text, label = "Kopieer voor WhatsApp" }: CopyForWhatsAppProps) {
  const preId = useId();
  const preRef = useRef<HTMLPreElement>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [message, setMessage] = useState("");
  const clearTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    setEnhanced(true);
    return () => clearTimeout(clearTimer.current);
  }, []);

  async function onCopy() {
    clearTimeout(clearTimer.current);
    // Empty first, so pressing twice announces the message again.
    setMessage("");
    const ok = await copyText(text, preRef.current);
    setMessage(ok ? COPIED : FAILED);
    clearTimer.current = setTimeout(() => setMessage(""), 8000);
  }

  return (
    <div>
      <pre
        id={preId}
        ref={preRef}
        data-testid="whatsapp-text"
        className="max-w-[68ch] rounded-xl border border-slate-300 bg-slate-50 p-5 font-mono text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-900"
      >
        {text}
      </pre>
      <div className="mt-4 flex min-h-12 flex-wrap items-center gap-x-4 gap-y-2">
        {enhanced ? (
          <button
            type="button"
            onClick={onCopy}
            aria-controls={preId}
            className="inline-flex items-center gap-2 rounded-md bg-brand-blue px-5 py-3 font-semibold text-white hover:bg-brand-blue-dark"
          >
            <svg viewBox="0 0 24 24" className="h-5 w-5" aria-hidden="true" focusable="false">
              <rect x="8" y="8" width="12" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            {label}
          </button>
        ) : null}
        <p role="status" aria-live="polite" data-testid="copy-status" className="font-semibold text-green-800">
          {message}
        </p>
      </div>
    </div>
  );
}
