import { z } from "../zod";

/**
 * Form rules and texts of the withdrawal function ("Herroepen", /herroepen), with
 * Dutch messages per field. Client-safe; the backend checks again
 * (backend/src/api/store/withdrawals/validators.ts).
 */

export const withdrawalSchema = z.object({
  order_number: z
    .string({ error: "Vul je bestelnummer in." })
    .trim()
    .min(1, "Vul je bestelnummer in.")
    .regex(/^#?\s*\d{1,9}$/, "Een bestelnummer bestaat alleen uit cijfers, bijvoorbeeld 1042.")
    .transform((value) => value.replace(/\D/g, "")),
  email: z
    .string({ error: "Vul het e-mailadres van je bestelling in." })
    .trim()
    .min(1, "Vul het e-mailadres van je bestelling in.")
    .max(254, "Een e-mailadres is hoogstens 254 tekens lang.")
    .pipe(z.email({ error: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." }))
    .transform((value) => value.toLowerCase()),
});

export type WithdrawalInput = z.infer<typeof withdrawalSchema>;

/** "Overeenkomst herroepen" received at: "3 december 2026 om 14:05" (Dutch time). */
export function formatDateTime(value: string): string {
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(value));
}

/** "2026-03-15" → "15 maart 2026". */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}
