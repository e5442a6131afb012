import type { LookupOutcome } from "../address/address";
import { lookupAddress } from "../address/address.server";
import type { FieldErrors } from "../form-errors";
import { formatCoordinate } from "../format";
import { groupLookupFailure } from "./group-point";

type PointValues = { lat?: string; lng?: string; punt_postcode?: string; punt_huisnummer?: string };


/** The lookup's per-field errors under the group forms' field names. */
function pointErrors(outcome: LookupOutcome): FieldErrors {
  if (outcome.status === "invalid") {
    const errors: FieldErrors = {};
    if (outcome.errors.postal_code) errors.punt_postcode = outcome.errors.postal_code;
    if (outcome.errors.house_number) errors.punt_huisnummer = outcome.errors.house_number;
    return errors;
  }
  if (outcome.status === "not_found") return { punt_postcode: groupLookupFailure(outcome) ?? outcome.message };
  return {};
}

/**
 * The group forms' central address → the group's point (registration and "Mijn groep").
 * `explicit`: the "Zoek adres" button without JavaScript. Otherwise (the form is being
 * saved) the address is looked up only when no point was given. Only lat/lng come out;
 * the address itself is never sent on or stored. An unavailable lookup never blocks
 * saving: the group then sits in the middle of its postcodes.
 */
export async function pointFromAddress<V extends PointValues>(
  values: V,
  { explicit }: { explicit: boolean },
): Promise<{ values: V; lookup?: LookupOutcome; errors: FieldErrors }> {
  const postcode = values.punt_postcode?.trim() ?? "";
  const number = values.punt_huisnummer?.trim() ?? "";
  const hasPoint = Boolean(values.lat?.trim() || values.lng?.trim());
  if (!explicit && (hasPoint || (!postcode && !number))) return { values, errors: {} };
  const lookup = await lookupAddress({ postcode, huisnummer: number, toevoeging: "" });
  if (lookup.status === "found") {
    return { values: { ...values, lat: formatCoordinate(lookup.address.lat), lng: formatCoordinate(lookup.address.lng) }, lookup, errors: {} };
  }
  return { values, lookup, errors: pointErrors(lookup) };
}
