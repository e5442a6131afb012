/**
 * Dutch postcodes. A full postcode is four digits and two letters ("3581 AB"); the
 * four digits alone (PC4, 1000–9999) name an area of a few streets to a village,
 * which is what the directory and the reference data work with.
 */

const PC4 = /^[1-9][0-9]{3}$/
const POSTCODE = /^([1-9][0-9]{3})\s*(?:[a-zA-Z]{2})?$/

/** True for a PC4 such as "3581". */
export function isPc4(value: string): boolean {
  return PC4.test(value)
}

/** "3581", "3581AB", "3581 ab" → "3581"; anything else → null. */
export function toPc4(value: string): string | null {
  const match = POSTCODE.exec(value.trim())
  return match ? match[1] : null
}

/** Sorted, without duplicates. */
export function uniquePc4s(values: string[]): string[] {
  return [...new Set(values)].sort()
}
