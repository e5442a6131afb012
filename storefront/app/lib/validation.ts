import { z } from "./zod";
import { QUANTITY_PATTERN } from "./catalogue/stock";
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

export const QUANTITY_DIGITS_MESSAGE = "Vul een aantal in met alleen cijfers, bijvoorbeeld 3.";

/**
 * Quantity in a cart line as the form sends it: plain decimal digits (QUANTITY_PATTERN), at
 * least 1. The most per line (999) is the backend's rule, answered in Dutch
 * (backend/src/lib/cart-lines.ts); the storefront shows that answer.
 */
export const quantitySchema = z
  .string({ error: "Vul een aantal in." })
  .min(1, "Vul een aantal in.")
  .regex(QUANTITY_PATTERN, QUANTITY_DIGITS_MESSAGE)
  .transform(Number)
  .pipe(z.number().min(1, "Het aantal moet minstens 1 zijn."));
