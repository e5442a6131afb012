/**
 * One spelling per e-mail address (the backend's src/lib/email.ts does the same where
 * addresses reach it): trimmed and lower-cased, so one person has one login, one
 * customer and one set of records to erase.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
