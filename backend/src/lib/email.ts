/**
 * One spelling per e-mail address: trimmed and lower-cased wherever an address
 * enters the shop (registration, contact, checkout, sign-in, password reset,
 * notices). Medusa's emailpass provider matches `entity_id` exactly, so without
 * this "Anouk@Example.nl" and "anouk@example.nl" would be two logins, two
 * customers and two sets of mail records for one person.
 *
 * Lower-casing the local part is, strictly, not RFC 5321 behaviour, but no mail
 * provider a Dutch resident uses treats case as significant there, and one
 * identity per person matters more here (account takeover, complete erasure).
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Normalises a value only when it is a string (bodies are untrusted: leave the rest to validation). */
export function normaliseEmailValue<T>(value: T): T {
  return (typeof value === "string" ? normaliseEmail(value) : value) as T
}
