/**
 * A group's WhatsApp invite link lets anyone join and read the neighbours' phone
 * numbers, so the directory never accepts or stores one: residents contact the
 * admin through the site, and the admin decides whom to add.
 */

import { normaliseForMatching } from "../../../lib/text-safety"

export const INVITE_LINK_MESSAGE = "Deel nooit de uitnodigingslink van je groep"

/**
 * A dot as people write it to dodge a filter: ".", spaced (" . "), bracketed ("[.]",
 * "(.)") or spelled out ("dot", "punt"). Lookalike and encoded dots are already "."
 * after normaliseForMatching.
 */
const DOT = String.raw`\s*(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\bdot\b|\bpunt\b)\s*`
const SLASH = String.raw`\s*/\s*`
/**
 * Between the words of "chat.whatsapp.com" and "invite.whatsapp.com" also plain spaces,
 * hyphens or underscores ("chat whatsapp com ABC"): the reader puts the dots back. Not for
 * "wa me", which ordinary text can contain.
 */
const SEPARATOR = String.raw`(?:${DOT}|[\s_-]+)`

/**
 * chat.whatsapp.com/<code>, wa.me/<number>, whatsapp.com/invite|channel|send and
 * invite.whatsapp.com, matched on the normalised text (src/lib/text-safety.ts), so
 * full-width letters, lookalike dots ("。", "．", "｡"), zero-width characters, soft
 * hyphens and spaces around the dots ("chat . whatsapp . com") do not hide them. Not
 * fooled by words that merely contain "wa.me" in the middle ("buurtwa.meer" is not a link).
 */
const PATTERNS = [
  new RegExp(String.raw`(?<![a-z0-9])chat${SEPARATOR}whatsapp${SEPARATOR}com`),
  new RegExp(String.raw`(?<![a-z0-9])invite${SEPARATOR}whatsapp${SEPARATOR}com`),
  new RegExp(String.raw`(?<![a-z0-9])wa${DOT}me(?![a-z0-9])`),
  new RegExp(String.raw`whatsapp${DOT}com${SLASH}(?:invite|channel|send)`),
]

export function looksLikeWhatsAppInviteLink(value: string): boolean {
  const text = normaliseForMatching(value)
  return PATTERNS.some((pattern) => pattern.test(text))
}

/**
 * Paths of every string in a JSON body that looks like an invite link, e.g.
 * ["name"] or ["postcodes", "1"]. Checks nested objects and arrays.
 */
export function findWhatsAppInviteLinks(body: unknown, path: string[] = []): string[][] {
  if (typeof body === "string") return looksLikeWhatsAppInviteLink(body) ? [path] : []
  if (Array.isArray(body)) return body.flatMap((item, i) => findWhatsAppInviteLinks(item, [...path, String(i)]))
  if (body && typeof body === "object") {
    return Object.entries(body).flatMap(([key, value]) => findWhatsAppInviteLinks(value, [...path, key]))
  }
  return []
}
