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
  // the app's own scheme: whatsapp://chat?code=…, whatsapp://send?…
  new RegExp(String.raw`(?<![a-z0-9])whatsapp\s*:\s*/\s*/`),
]

/**
 * The invite hosts with every non-letter removed: "c-h-a-t.w-h-a-t-s-a-p-p.c-o-m",
 * "h t t p s : / / c h a t . w h a t s a p p . c o m", "chat_whatsapp*com" all read
 * "chatwhatsappcom". No Dutch word contains these letters in a row.
 */
const LETTERS_ONLY = ["chatwhatsappcom", "invitewhatsappcom"]

export const SHORT_LINK_MESSAGE = "Gebruik geen verkorte link (zoals bit.ly of tinyurl): we kunnen niet zien waar die naartoe gaat"

/**
 * URL shorteners: a short link can hide an invite link (or anything else), so none is
 * accepted. The host must stand on its own ("bit.ly/…", not "habit.ly").
 */
const SHORTENER = new RegExp(
  String.raw`(?<![a-z0-9.-])(?:tinyurl\.com|bit\.ly|t\.ly|is\.gd|goo\.gl|ow\.ly|rebrand\.ly|cutt\.ly|shorturl\.at|tiny\.cc)(?![a-z0-9-])`
)

export function looksLikeWhatsAppInviteLink(value: string): boolean {
  const text = normaliseForMatching(value)
  if (PATTERNS.some((pattern) => pattern.test(text))) return true
  const letters = text.replace(/[^a-z]/g, "")
  return LETTERS_ONLY.some((host) => letters.includes(host))
}

export function looksLikeShortLink(value: string): boolean {
  return SHORTENER.test(normaliseForMatching(value))
}

/** Why a text may not be stored or relayed (an invite link first), or null. */
export function inviteLinkProblem(value: string): string | null {
  if (looksLikeWhatsAppInviteLink(value)) return INVITE_LINK_MESSAGE
  if (looksLikeShortLink(value)) return SHORT_LINK_MESSAGE
  return null
}

/**
 * Every string in a JSON body that looks like an invite link or a short link, with its
 * path (e.g. ["name"] or ["postcodes", "1"]) and the Dutch reason. Checks nested objects and arrays.
 */
export function findInviteLinkProblems(body: unknown, path: string[] = []): { path: string[]; message: string }[] {
  if (typeof body === "string") {
    const message = inviteLinkProblem(body)
    return message ? [{ path, message }] : []
  }
  if (Array.isArray(body)) return body.flatMap((item, i) => findInviteLinkProblems(item, [...path, String(i)]))
  if (body && typeof body === "object") {
    return Object.entries(body).flatMap(([key, value]) => findInviteLinkProblems(value, [...path, key]))
  }
  return []
}

/** Paths of every string in a JSON body that looks like an invite link (or a short link). */
export function findWhatsAppInviteLinks(body: unknown): string[][] {
  return findInviteLinkProblems(body).map((problem) => problem.path)
}
