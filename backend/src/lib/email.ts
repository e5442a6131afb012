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

/**
 * The characters of an address as the shop accepts them (zod's e-mail check): local part
 * [a-z0-9_'+.-], domain [a-z0-9.-]. A run of these around an "@" is one address.
 */
const ADDRESS_IN_TEXT = /[a-z0-9_'+.-]+@[a-z0-9.-]+/gi

/** Every e-mail address in a text, normalised, without the trailing dot of a sentence. */
export function emailAddressesIn(text: string): Set<string> {
  return new Set((text.match(ADDRESS_IN_TEXT) ?? []).map((a) => normaliseEmail(a.replace(/^\.+|\.+$/g, ""))))
}

/**
 * Whether a text names one of `emails` (normalised) as a whole address: "a@x.co" is not
 * mentioned by "ba@x.com" or "a@x.co.uk" (a substring test would say it is).
 */
export function mentionsEmail(text: string, emails: string[]): boolean {
  if (!emails.length) return false
  const found = emailAddressesIn(text)
  return emails.some((email) => found.has(normaliseEmail(email)))
}
