import type { LookupState } from "../address/address";

/**
 * The group forms' sentence when the central address cannot be looked up. The checkout's
 * "vul je straat en plaats zelf in" does not fit here (the group form keeps no address):
 * it says what does work instead, the pin, the degrees, or nothing at all.
 */
export const GROUP_POINT_ALTERNATIVES =
  "Wijs de plek van je buurt aan op de kaart, of vul de breedte- en lengtegraad hieronder in. Laat je die leeg, dan staat je groep in het midden van je postcodes.";

export function groupLookupFailure(state: LookupState): string | null {
  if (state.status === "not_found") {
    // the backend's first sentence names the postcode and number it looked for; its advice
    // to type street and town does not fit a group form
    const named = /^We vinden geen adres met [^.]*\./.exec(state.message ?? "")?.[0];
    return `${named ?? "We vinden dit adres niet."} ${GROUP_POINT_ALTERNATIVES}`;
  }
  if (state.status === "unavailable") return `Adres opzoeken lukt nu niet. ${GROUP_POINT_ALTERNATIVES}`;
  return null;
}
