/**
 * A group's WhatsApp invite link lets anyone join and read the neighbours' phone
 * numbers, so the directory never accepts or stores one: residents contact the
 * admin through the site, and the admin decides whom to add.
 */

export const INVITE_LINK_MESSAGE = "Deel nooit de uitnodigingslink van je groep"

/**
 * chat.whatsapp.com/<code>, wa.me/<number>, whatsapp.com/invite|channel|send and
 * invite.whatsapp.com, also written with spaces around the dots ("chat . whatsapp . com")
 * or percent-encoded dots. Not fooled by words that merely contain "wa.me" in the
 * middle ("buurtwa.meer" is not a link).
 */
const PATTERNS = [
  /(?<![a-z0-9])chat\s*(?:\.|%2e)\s*whatsapp\s*(?:\.|%2e)\s*com/i,
  /(?<![a-z0-9])invite\s*(?:\.|%2e)\s*whatsapp\s*(?:\.|%2e)\s*com/i,
  /(?<![a-z0-9])wa\s*(?:\.|%2e)\s*me(?![a-z0-9])/i,
  /whatsapp\s*(?:\.|%2e)\s*com\s*\/\s*(?:invite|channel|send)/i,
]

export function looksLikeWhatsAppInviteLink(value: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(value))
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
