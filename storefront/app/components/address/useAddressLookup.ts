import { useCallback, useRef, useState } from "react";
import { checkLookupQuery, LOOKUP_UNAVAILABLE, type LookupOutcome, type LookupQuery, type LookupState } from "~/lib/address/address";

export type { LookupState } from "~/lib/address/address";

/**
 * Looks up postcode + huisnummer from the browser (GET /adres-opzoeken). Skips incomplete
 * input and a query it already answered; a newer lookup cancels an older one.
 */
export function useAddressLookup(onFound: (outcome: Extract<LookupOutcome, { status: "found" }>) => void) {
  const [state, setState] = useState<LookupState>({ status: "idle" });
  const lastKey = useRef("");
  const controller = useRef<AbortController | null>(null);
  const onFoundRef = useRef(onFound);
  onFoundRef.current = onFound;

  const lookup = useCallback(async (input: LookupQuery, { force = false } = {}) => {
    const checked = checkLookupQuery(input);
    if (!checked.ok) {
      // on blur, half-typed input is not an error yet; the button says what is missing
      if (force) setState({ status: "invalid", errors: checked.errors });
      return;
    }
    const { postcode, huisnummer, toevoeging } = checked.query;
    const key = `${postcode}|${huisnummer}|${toevoeging.toUpperCase()}`;
    if (key === lastKey.current && !force) return;
    lastKey.current = key;
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: "looking" });
    try {
      const params = new URLSearchParams({ postcode, huisnummer, ...(toevoeging ? { toevoeging } : {}) });
      const response = await fetch(`/adres-opzoeken?${params}`, { headers: { Accept: "application/json" }, signal: current.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const outcome = (await response.json()) as LookupOutcome;
      if (current.signal.aborted) return;
      setState(outcome);
      if (outcome.status === "found") onFoundRef.current(outcome);
    } catch (error) {
      if (current.signal.aborted) return;
      lastKey.current = "";
      setState({ status: "unavailable", message: LOOKUP_UNAVAILABLE });
    }
  }, []);

  return { state, lookup };
}

/** The sentence for the status line under the fields. */
export function lookupMessage(state: LookupState, found: (address: Extract<LookupOutcome, { status: "found" }>["address"]) => string): string {
  switch (state.status) {
    case "looking":
      return "Adres zoeken…";
    // (callers keep the previous sentence while looking, so nothing under it jumps)
    case "found":
      return found(state.address);
    case "not_found":
    case "unavailable":
      return state.message;
    case "invalid":
      return Object.values(state.errors).join(" ");
    default:
      return "";
  }
}
