/**
 * Text helpers for the group directory: slugs for URLs, a normalised form for
 * accent- and case-insensitive search, and the key that spots duplicate names.
 */

import { stripInvisible } from "../../../lib/text-safety"

/**
 * Lower case, accents removed ("Súdwest-Fryslân" → "sudwest-fryslan"), every run of other characters one space.
 * Compatibility forms (full-width letters) are folded and invisible characters dropped first, so
 * "Linden\u200Blaan" keys and searches as "lindenlaan", not as two words.
 */
export function normaliseText(value: string): string {
  return stripInvisible(value.normalize("NFKC"))
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

/** URL slug: "'s-Hertogenbosch" → "s-hertogenbosch", "Bergen (NH)" → "bergen-nh". */
export function slugify(value: string): string {
  return normaliseText(value).replace(/ /g, "-")
}

/**
 * Words that say nothing about *which* group it is. Leaving them out makes
 * "WABP Lindenlaan" and "Buurtpreventie Lindenlaan e.o." the same name.
 */
const GENERIC_WORDS = new Set([
  "whatsapp",
  "wa",
  "wabp",
  "buurtpreventie",
  "buurtpreventiegroep",
  "buurtwacht",
  "buurtapp",
  "preventie",
  "groep",
  "buurt",
  "e",
  "o",
  "eo",
  "en",
  "omgeving",
])

/** The normalised name used for duplicate detection (stored as `name_key`). */
export function groupNameKey(name: string): string {
  const words = normaliseText(name).split(" ").filter(Boolean)
  const specific = words.filter((w) => !GENERIC_WORDS.has(w))
  return (specific.length ? specific : words).join(" ")
}

/** Everything the store's `q` searches, normalised (stored as `search_text`). */
export function groupSearchText(group: {
  name: string
  woonplaats: string
  gemeente?: string | null
  postcodes?: string[] | null
}): string {
  return normaliseText(
    [group.name, group.woonplaats, group.gemeente ?? "", ...(group.postcodes ?? [])].join(" ")
  )
}

/** Search words from a user's query, normalised like `search_text`. */
export function searchTerms(q: string | undefined | null): string[] {
  if (!q) return []
  return [...new Set(normaliseText(q).split(" ").filter(Boolean))].slice(0, 8)
}
