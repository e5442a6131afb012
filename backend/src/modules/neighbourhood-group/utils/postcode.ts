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

const FULL_POSTCODE = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})\s*$/

/** "5038 ab" → "5038AB"; undefined when it is not a full Dutch postcode (PostNL never issues SA, SD and SS). */
export function normaliseFullPostcode(input: string): string | undefined {
  const match = FULL_POSTCODE.exec(input)
  if (!match) return undefined
  const letters = match[2].toUpperCase()
  if (["SA", "SD", "SS"].includes(letters)) return undefined
  return `${match[1]}${letters}`
}

export const MUNICIPALITY_CODE_EXAMPLE = "Een CBS-gemeentecode heeft vier cijfers, bijvoorbeeld 0344"

/** CBS municipality codes are four digits with leading zeros ("0344"). */
export function isMunicipalityCode(value: string): boolean {
  return /^[0-9]{4}$/.test(value)
}
