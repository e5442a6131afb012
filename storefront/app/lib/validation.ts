import { z } from "zod";
import { normaliseEmail } from "./email";
import { isBelgianPostcode, normaliseDutchPostcode } from "./postcode";
import { MAX_LINE_QUANTITY } from "./stock";
import type { FieldErrors } from "./form-errors";

/**
 * The checkout's validation rules, shared by the forms (field attributes, messages)
 * and the actions (zod). Messages are Dutch and say how to fix the input.
 */

export const COUNTRIES = { nl: "Nederland", be: "België" } as const;
export type Country = keyof typeof COUNTRIES;


/** Normalises a postcode to how the post writes it: "1234ab" → "1234 AB"; Belgian stays "1000". */
export function normalisePostcode(value: string, country: Country): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  if (country === "nl" && /^\d{4}[A-Z]{2}$/.test(compact)) return `${compact.slice(0, 4)} ${compact.slice(4)}`;
  return compact;
}

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

const required = (message: string) => z.string().trim().min(1, message);

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
export type { FieldErrors } from "./form-errors";

/** Parses form data; returns the value or the first error per field. */
export function parseForm<T extends z.ZodType>(
  schema: T,
  form: FormData | Record<string, unknown>,
): { ok: true; value: z.infer<T> } | { ok: false; errors: FieldErrors } {
  const input = form instanceof FormData ? Object.fromEntries(form) : form;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "_"); // "_": the form as a whole
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Quantity in a cart line: whole number from 1 to MAX_LINE_QUANTITY. */
export const quantitySchema = z.coerce
  .number({ error: "Vul een aantal in." })
  .int("Vul een heel aantal in.")
  .min(1, "Het aantal moet minstens 1 zijn.")
  .max(MAX_LINE_QUANTITY, `Bestel maximaal ${MAX_LINE_QUANTITY} stuks per regel; neem contact op voor grotere aantallen.`);

/**
 * "Op factuur (gemeente/organisatie)": the same rules as the backend
 * (backend/src/modules/invoice-payment/details.ts), which checks them again.
 */
export const INVOICE_MAX_ORGANISATION = 200;
export const INVOICE_MAX_REFERENCE = 50;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const present = (v: unknown) => (typeof v === "string" ? v.trim() !== "" : v != null);

/** "3020 34.10" → "30203410". */
export const normaliseKvk = (value: string) => value.replace(/[\s.]/g, "");
/** "nl 0017.34.539.b01" → "NL001734539B01". */
export const normaliseVat = (value: string) => value.replace(/[\s.-]/g, "").toUpperCase();

export const invoiceSchema = z
  .object({
    organisation: z
      .string({ error: "Vul de naam van de gemeente of organisatie in." })
      .trim()
      .min(1, "Vul de naam van de gemeente of organisatie in.")
      .max(INVOICE_MAX_ORGANISATION, `De naam van de organisatie mag hoogstens ${INVOICE_MAX_ORGANISATION} tekens lang zijn.`),
    kvk_number: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform(normaliseKvk)
        .refine((v) => /^[0-9]{8}$/.test(v), "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678.")
        .optional(),
    ),
    vat_number: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform(normaliseVat)
        .refine(
          (v) => /^(NL[0-9]{9}B[0-9]{2}|BE[01][0-9]{9})$/.test(v),
          "Vul een geldig btw-nummer in, bijvoorbeeld NL123456789B01 of BE0123456789.",
        )
        .optional(),
    ),
    reference: z.preprocess(
      blankToUndefined,
      z.string().trim().max(INVOICE_MAX_REFERENCE, `Het inkoopnummer mag hoogstens ${INVOICE_MAX_REFERENCE} tekens lang zijn.`).optional(),
    ),
    invoice_email: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .pipe(z.email("Vul een geldig e-mailadres in voor de factuur, bijvoorbeeld facturen@gemeente.nl."))
        .optional(),
    ),
  })
  // Also when another field is wrong, so every problem shows at once.
  .refine((v) => present(v?.kvk_number) || present(v?.vat_number), {
    path: ["kvk_number"],
    message: "Vul een KvK-nummer of een btw-nummer in.",
    when: () => true,
  });

export type InvoiceInput = z.infer<typeof invoiceSchema>;
