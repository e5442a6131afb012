/**
 * The one place that reads Dutch and Belgian postcodes. The group directory works with
 * PC4 areas (the four digits), the checkout with full Dutch postcodes (PostNL never
 * issues the letters SA, SD or SS). Client-safe.
 */

const POSTCODE = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$/;

/** "3581", "3581AB", "3581 ab" → { pc4: "3581", letters: "AB" }; null for anything else. */
export function parsePostcode(value: string): { pc4: string; letters?: string } | null {
  const match = POSTCODE.exec(value);
  if (!match) return null;
  return match[2] ? { pc4: match[1]!, letters: match[2].toUpperCase() } : { pc4: match[1]! };
}

/** Exactly a PC4: four digits, not starting with 0. */
export function isPc4(value: string): boolean {
  return /^[1-9][0-9]{3}$/.test(value);
}

/** The first PC4 in a typed list ("3581, 3582 AB" → "3581"), or undefined. */
export function firstPc4(text: string): string | undefined {
  return /[1-9][0-9]{3}/.exec(text)?.[0];
}

/** "5038 ab" → "5038AB"; undefined when it is not a full Dutch postcode. */
export function normaliseDutchPostcode(input: string): string | undefined {
  const parsed = parsePostcode(input);
  if (!parsed?.letters || ["SA", "SD", "SS"].includes(parsed.letters)) return undefined;
  return `${parsed.pc4}${parsed.letters}`;
}

/** A Belgian postcode: four digits from 1000 to 9999. */
export function isBelgianPostcode(value: string): boolean {
  return isPc4(value.trim());
}
