/**
 * The checkout address, the one home of its rules: which countries the shop delivers to,
 * Dutch and Belgian postcodes as the checkout asks for them, the address lookup's input,
 * and the form's schema. No backend route checks this address (it goes into Medusa's
 * cart as it is), so these rules live here, in the storefront. Shared by server and
 * browser (the lookup check and the address line run in the browser too).
 *
 * Dutch addresses the Dutch way: postcode + huisnummer (+ toevoeging) first, street and
 * town filled in by the address lookup (and editable).
 *
 * Storage in Medusa's address (documented in README, "Addresses"):
 *   address_1 = street + house number + addition, as carriers and invoices print it
 *               ("Piusstraat 12A", "Piusstraat 14-2"),
 *   address_2 = unused (left for a real second line),
 *   metadata  = { street, house_number, house_number_addition }, so a carrier integration
 *               that wants the number separately never has to parse address_1.
 */
import { z } from "../zod";
import { normaliseEmail } from "../email";
import type { FieldErrors } from "../form-errors";
import { isBelgianPostcode, normaliseDutchPostcode } from "./postcode";
import { parseForm } from "../validation";

export const COUNTRIES = { nl: "Nederland", be: "België" } as const;
export type Country = keyof typeof COUNTRIES;

/** Normalises a postcode to how the post writes it: "1234ab" → "1234 AB"; Belgian stays "1000". */
export function normalisePostcode(value: string, country: Country): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  if (country === "nl" && /^\d{4}[A-Z]{2}$/.test(compact)) return `${compact.slice(0, 4)} ${compact.slice(4)}`;
  return compact;
}

/** The checkout's one postcode rule per country, with its Dutch message; null when the postcode is fine. */
export function postcodeError(value: string, country: Country): string | null {
  const postcode = normalisePostcode(value, country);
  if (!postcode) return "Vul je postcode in.";
  if (country === "nl" && !normaliseDutchPostcode(postcode)) {
    return "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 1234 AB.";
  }
  if (country === "be" && !isBelgianPostcode(postcode)) {
    return "Vul een Belgische postcode in: vier cijfers, bijvoorbeeld 1000.";
  }
  return null;
}

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

/** A lookup as a form shows it: not asked yet, under way, or its outcome. */
export type LookupState = { status: "idle" } | { status: "looking" } | LookupOutcome;

export const LOOKUP_UNAVAILABLE = "Adres opzoeken lukt nu niet. Vul je straat en plaats zelf in.";

export { normaliseDutchPostcode } from "./postcode";

/**
 * What is wrong with a house number (one to five digits, not starting with 0), or undefined.
 * "0" and "012" are digits only, so they get their own reason rather than the one about letters.
 */
export function houseNumberProblem(value: string): string | undefined {
  if (!/^[0-9]{1,5}$/.test(value)) return "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Een letter hoort bij Toevoeging.";
  if (value.startsWith("0")) return "Een huisnummer begint niet met een 0, bijvoorbeeld 12.";
  return undefined;
}
const ADDITION = /^[0-9a-zA-Z \-/]{0,10}$/;

/**
 * "12a", "12 A", "14-2" typed as huisnummer with an empty toevoeging: number 12 and
 * addition "a" (as PostNL and the BAG read it), instead of refusing what people write.
 * Anything else is returned as typed, for the field rules to judge.
 */
export function splitHouseNumber(huisnummer: string, toevoeging: string): { huisnummer: string; toevoeging: string } {
  const number = huisnummer.trim();
  const addition = toevoeging.trim();
  const match = addition ? null : /^([1-9][0-9]{0,4})\s*(?:[-\s]\s*)?([0-9a-zA-Z][0-9a-zA-Z \-/]{0,9})$/.exec(number);
  // digits without a separator ("123") are one number; digits after one ("14-2", "14 2") are an addition
  if (!match || (/^\d+$/.test(match[2]!) && !/[-\s]/.test(number.slice(match[1]!.length)))) return { huisnummer: number, toevoeging: addition };
  return { huisnummer: match[1]!, toevoeging: match[2]!.trim() };
}

/** Checks postcode, huisnummer and toevoeging as the lookup needs them; errors per field, in Dutch. */
export function checkLookupQuery(input: Partial<LookupQuery>): { ok: true; query: LookupQuery } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { huisnummer, toevoeging } = splitHouseNumber(input.huisnummer ?? "", input.toevoeging ?? "");
  // the checkout's postcode rule and message; the lookup wants the compact form ("5038AB")
  const postcodeProblem = postcodeError(input.postcode ?? "", "nl");
  const postcode = normaliseDutchPostcode(normalisePostcode(input.postcode ?? "", "nl"));
  if (postcodeProblem) errors.postal_code = postcodeProblem;
  if (!huisnummer) errors.house_number = "Vul je huisnummer in.";
  else if (houseNumberProblem(huisnummer)) errors.house_number = houseNumberProblem(huisnummer);
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

const required = (message: string) => z.string().trim().min(1, message);

/** The checkout's address fields (Belgium: address_1 as typed; the Netherlands: joined from its parts). */
export const addressSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, "Vul je e-mailadres in.")
      .pipe(z.email("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."))
      .transform(normaliseEmail),
    first_name: required("Vul je voornaam in.").max(100, "Je voornaam is te lang."),
    last_name: required("Vul je achternaam in.").max(100, "Je achternaam is te lang."),
    company: z.string().trim().max(200, "De naam van de organisatie is te lang.").optional().default(""),
    address_1: required("Vul je straat en huisnummer in.")
      .max(200, "Het adres is te lang.")
      .refine((v) => /\d/.test(v), "Vul ook je huisnummer in, bijvoorbeeld Dorpsstraat 12."),
    postal_code: z.string().trim(),
    city: required("Vul je woonplaats in.").max(100, "De woonplaats is te lang."),
    country_code: z.enum(["nl", "be"], { error: "Kies Nederland of België." }),
    phone: z
      .string()
      .trim()
      .max(30, "Het telefoonnummer is te lang.")
      .refine((v) => v === "" || /^\+?[0-9 ()-]{8,}$/.test(v), "Vul een geldig telefoonnummer in of laat het veld leeg.")
      .optional()
      .default(""),
  })
  .superRefine((value, ctx) => {
    const error = postcodeError(value.postal_code, value.country_code);
    if (error) ctx.addIssue({ code: "custom", path: ["postal_code"], message: error });
  })
  .transform((value) => ({ ...value, postal_code: normalisePostcode(value.postal_code, value.country_code) }));

export type AddressInput = z.infer<typeof addressSchema>;

const dutchParts = z.object({
  street: z.string().trim().min(1, "Vul je straat in.").max(150, "De straatnaam is te lang."),
  house_number: z
    .string()
    .trim()
    .min(1, "Vul je huisnummer in.")
    .superRefine((value, ctx) => {
      const message = value ? houseNumberProblem(value) : undefined; // empty: "Vul je huisnummer in." above
      if (message) ctx.addIssue({ code: "custom", message });
    }),
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
  const split = splitHouseNumber(values.house_number ?? "", values.house_number_addition ?? "");
  const parts = parseForm(dutchParts, { ...values, house_number: split.huisnummer, house_number_addition: split.toevoeging });
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
