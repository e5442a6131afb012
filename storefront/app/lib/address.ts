/**
 * Dutch addresses the Dutch way: postcode + huisnummer (+ toevoeging) first, street and
 * town filled in by the address lookup (and editable). Pure, shared by server and browser.
 *
 * Storage in Medusa's address (documented in README, "Addresses"):
 *   address_1 = street + house number + addition, as carriers and invoices print it
 *               ("Piusstraat 12A", "Piusstraat 14-2"),
 *   address_2 = unused (left for a real second line),
 *   metadata  = { street, house_number, house_number_addition }, so a carrier integration
 *               that wants the number separately never has to parse address_1.
 */
import { z } from "zod";
import { normaliseDutchPostcode } from "./postcode";
import { addressSchema, type AddressInput, type FieldErrors, parseForm } from "./validation";

/** What the backend's GET /store/address-lookup answers for a found address. */
export type FoundAddress = {
  street: string;
  house_number: number;
  addition: string;
  postcode: string;
  city: string;
  municipality: string;
  lat: number;
  lng: number;
};

export type LookupOutcome =
  | { status: "found"; address: FoundAddress }
  | { status: "not_found"; message: string }
  | { status: "unavailable"; message: string }
  | { status: "invalid"; errors: FieldErrors };

export type LookupQuery = { postcode: string; huisnummer: string; toevoeging: string };

export const LOOKUP_UNAVAILABLE = "Adres opzoeken lukt nu niet. Vul je straat en plaats zelf in.";

export { normaliseDutchPostcode } from "./postcode";

const HOUSE_NUMBER = /^[1-9][0-9]{0,4}$/;
const ADDITION = /^[0-9a-zA-Z \-/]{0,10}$/;

/** Checks postcode, huisnummer and toevoeging as the lookup needs them; errors per field, in Dutch. */
export function checkLookupQuery(input: Partial<LookupQuery>): { ok: true; query: LookupQuery } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const postcode = normaliseDutchPostcode(input.postcode ?? "");
  const huisnummer = (input.huisnummer ?? "").trim();
  const toevoeging = (input.toevoeging ?? "").trim();
  if (!(input.postcode ?? "").trim()) errors.postal_code = "Vul je postcode in, bijvoorbeeld 5038 AB.";
  else if (!postcode) errors.postal_code = "Vul een geldige postcode in: vier cijfers en twee letters, bijvoorbeeld 5038 AB.";
  if (!huisnummer) errors.house_number = "Vul je huisnummer in.";
  else if (!HOUSE_NUMBER.test(huisnummer)) errors.house_number = "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Een letter hoort bij Toevoeging.";
  if (!ADDITION.test(toevoeging)) errors.house_number_addition = "Een toevoeging bestaat uit letters en cijfers, bijvoorbeeld A of 2.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, query: { postcode: postcode!, huisnummer, toevoeging } };
}

/** "Piusstraat", "12", "a" → "Piusstraat 12A"; "14", "2" → "Piusstraat 14-2"; "bis" → "Piusstraat 12 bis". */
export function formatAddressLine(street: string, houseNumber: string, addition = ""): string {
  const extra = addition.trim().replace(/^[-\s]+/, "");
  let number = houseNumber.trim();
  if (/^[a-zA-Z]$/.test(extra)) number += extra.toUpperCase();
  else if (/^[0-9]/.test(extra) || /^[a-zA-Z][-\s]?[0-9]+$/.test(extra)) number += `-${extra.toUpperCase()}`;
  else if (extra) number += ` ${extra}`;
  return `${street.trim()} ${number}`;
}

/** The reverse, to fill the form from a saved address_1: "Piusstraat 12A" → street, number, addition. */
export function splitAddressLine(line: string): { street: string; house_number: string; house_number_addition: string } {
  // the last number is the house number ("Plein 1940 5"); after it a letter, "-addition" or " word"
  const match = /^(.*\S)\s+([1-9][0-9]{0,4})(?:([a-zA-Z])|-(\S+)|\s+([a-zA-Z]\S*))?$/.exec(line.trim());
  if (!match) return { street: line.trim(), house_number: "", house_number_addition: "" };
  return { street: match[1]!, house_number: match[2]!, house_number_addition: match[3] ?? match[4] ?? match[5] ?? "" };
}

const dutchParts = z.object({
  street: z.string().trim().min(1, "Vul je straat in.").max(150, "De straatnaam is te lang."),
  house_number: z
    .string()
    .trim()
    .min(1, "Vul je huisnummer in.")
    .regex(HOUSE_NUMBER, "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Een letter hoort bij Toevoeging."),
  house_number_addition: z
    .string()
    .trim()
    .regex(ADDITION, "Een toevoeging bestaat uit letters en cijfers, bijvoorbeeld A of 2.")
    .optional()
    .default(""),
});

export type CheckoutAddress = AddressInput & {
  metadata?: { street: string; house_number: string; house_number_addition: string };
};

/**
 * The checkout's address form. The Netherlands: street, huisnummer and toevoeging are
 * separate fields, joined into address_1. Belgium: one free "straat en huisnummer" field.
 */
export function parseCheckoutAddress(values: Record<string, string>): { ok: true; value: CheckoutAddress } | { ok: false; errors: FieldErrors } {
  if (values.country_code !== "nl") return parseForm(addressSchema, values);
  const parts = parseForm(dutchParts, values);
  const line = parts.ok ? formatAddressLine(parts.value.street, parts.value.house_number, parts.value.house_number_addition) : "0";
  const rest = parseForm(addressSchema, { ...values, address_1: line });
  const errors: FieldErrors = { ...(parts.ok ? {} : parts.errors), ...(rest.ok ? {} : rest.errors) };
  if (errors.address_1) {
    errors.street ??= errors.address_1;
    delete errors.address_1;
  }
  if (!parts.ok || !rest.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { ...rest.value, metadata: parts.value } };
}
