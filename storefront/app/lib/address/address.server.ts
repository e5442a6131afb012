import { checkLookupQuery, type FoundAddress, LOOKUP_UNAVAILABLE, type LookupOutcome, type LookupQuery } from "./address";
import { backendFetch, BackendError } from "../backend/backend.server";
import { isPc4 } from "./postcode";

/** The backend gives up on PDOK after 2.5 s; this covers the hop to the backend as well. */
const LOOKUP_TIMEOUT_MS = 4000;

/**
 * Looks up a Dutch address through the backend (GET /store/address-lookup, PDOK
 * Locatieserver behind it). Never throws: every failure is "unavailable", because the
 * shopper can always type street and town, and an order is never blocked by a lookup.
 */
export async function lookupAddress(input: Partial<LookupQuery>): Promise<LookupOutcome> {
  const checked = checkLookupQuery(input);
  if (!checked.ok) return { status: "invalid", errors: checked.errors };
  const { postcode, huisnummer, toevoeging } = checked.query;
  try {
    const address = await backendFetch<FoundAddress>("/store/address-lookup", {
      query: { postcode, huisnummer, ...(toevoeging ? { toevoeging } : {}) },
      timeoutMs: LOOKUP_TIMEOUT_MS,
    });
    return { status: "found", address };
  } catch (error) {
    if (error instanceof BackendError && error.status === 404) {
      return { status: "not_found", message: error.message || "We vinden dit adres niet. Controleer postcode en huisnummer, of vul je straat en plaats zelf in." };
    }
    if (error instanceof BackendError && error.status === 503 && error.message) {
      return { status: "unavailable", message: error.message };
    }
    console.warn(`Storefront: address lookup failed: ${error instanceof Error ? error.message : String(error)}`);
    return { status: "unavailable", message: LOOKUP_UNAVAILABLE };
  }
}

/**
 * The centre of a PC4 area (the reference data's point, GET /store/groups?postcode=…), the
 * map pin's starting place before a point is chosen. Undefined when unknown or unavailable.
 */
export async function pc4Centre(pc4: string): Promise<{ lat: number; lng: number } | undefined> {
  if (!isPc4(pc4)) return undefined;
  try {
    const { origin } = await backendFetch<{ origin?: { lat?: unknown; lng?: unknown } | null }>("/store/groups", {
      query: { postcode: pc4, limit: 1 },
      timeoutMs: LOOKUP_TIMEOUT_MS,
    });
    return typeof origin?.lat === "number" && typeof origin?.lng === "number" ? { lat: origin.lat, lng: origin.lng } : undefined;
  } catch {
    return undefined;
  }
}
