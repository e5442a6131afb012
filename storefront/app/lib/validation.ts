import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./catalogue/stock";
import type { FieldErrors } from "./form-errors";

/**
 * Reading a form with a zod schema (Dutch message per field), and the cart line quantity.
 * The rules of one form live with that form (the checkout address: lib/address/address.ts).
 */


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
