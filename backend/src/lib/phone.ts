/**
 * Phone numbers of group admins: Dutch numbers (06 12345678, 020-1234567, +31 6 …) and
 * other international numbers, stored in one spelling (E.164: +31612345678).
 */

/** The number in E.164, or null when it is not a plausible phone number. */
export function normalisePhone(value: string): string | null {
  const digits = value.replace(/[\s().\-/]/g, "")
  const dutch = /^0([1-9][0-9]{8})$/.exec(digits)
  if (dutch) return `+31${dutch[1]}`
  const international = /^(?:\+|00)([1-9][0-9]{7,14})$/.exec(digits)
  // +31 numbers follow the Dutch plan: nine digits after the country code, no leading 0
  if (international && (!international[1].startsWith("31") || /^31[1-9][0-9]{8}$/.test(international[1]))) {
    return `+${international[1]}`
  }
  return null
}

/**
 * Whether a text holds something that reads as a phone number: eight or more digits in a
 * row, spaces, dots, dashes, slashes and brackets between them allowed ("06 1234 5678",
 * "+31 (0)6-12.34.56.78"). For short fields that must not carry one (a sender's first name
 * in the admin relay), not for free text.
 */
export function containsPhoneNumber(value: string): boolean {
  return /\+?\d(?:[\s().\-/]*\d){7,}/.test(value.normalize("NFKC"))
}
