/**
 * Text normalisation for safety checks (the WhatsApp invite-link filter, duplicate
 * names). People who want to slip a link past a filter write it so that it still
 * reads as the link but no longer matches a plain pattern: full-width letters
 * ("ｃｈａｔ"), lookalike dots ("wa。me"), invisible characters between the letters
 * ("wa\u200B.me", a soft hyphen), Cyrillic letters that look Latin. Matching on the
 * normalised form catches all of these. Never store the result: it is for matching only.
 */

/**
 * Invisible characters that are not in Unicode category Cf but render as nothing:
 * the combining grapheme joiner, Hangul fillers, the braille blank, Khmer vowel
 * inherents and Mongolian/other variation selectors.
 */
const OTHER_INVISIBLES = /[\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180D\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0]|\uDB40[\uDD00-\uDDEF]/g

/** Format characters (Cf: zero-width space/joiners, U+2060, U+FEFF, soft hyphen, bidi controls, …) and control characters other than white space. */
const FORMAT_AND_CONTROL = /[\p{Cf}\u0000-\u0008\u000E-\u001F\u007F-\u009F]/gu

/**
 * Characters that read as a dot or a comma-like separator but are not "." (after NFKC, which
 * already folds "．", "﹒" and "․"): middle and raised dots ("·", "⸳", "•", "‧", "⋅"), full
 * stops of other scripts ("。", "｡", "۔", "܁", "։", "።", "꘎", "᙮"), the Arabic decimal and
 * thousands separators ("٫", "٬"), low and raised commas ("‚", "⸴", "、", "،", "﹐", "，"),
 * the ring and dot operators. Matched on the text before NFKC, so "，" and "﹐" (which NFKC
 * turns into an ASCII comma, ordinary punctuation) count too.
 */
const DOT_LOOKALIKES =
  /[\u3002\uFF61\u00B7\u2022\u2027\u2219\u22C5\u0701\u0702\uA4F8\u06D4\u0387\u30FB\uFF65\u2E33\u2E34\u2E31\u2E30\u201A\u066B\u066C\u060C\u3001\uFF64\uFE50\uFE51\uFF0C\uFE52\u0589\u1362\uA60E\u166E\u2024\u2E3C\u02D9\u0F0C\u0F0B\u1802\u1803\u2218\u2981\u25CF\u2E1F\u00B8\uA78F\u16EB\u16EC\u16ED]/g

/**
 * Any other punctuation outside ASCII (Unicode Po: "⁖", "⁘", "⸰", a script's own full stop)
 * written directly between two letters or digits, as a dot would be. Ordinary Dutch names
 * use only ASCII punctuation between letters ("Oud-Zuid", "'t Hofke", "St. Jansstraat").
 */
const PUNCTUATION_BETWEEN_LETTERS = /(?<=[\p{L}\p{N}])[^\x00-\x7F\p{L}\p{N}\p{M}\p{Z}\p{Pd}\p{Pi}\p{Pf}\p{Cf}](?=[\p{L}\p{N}])/gu

/** A dot in brackets, written to dodge a filter: "[.]", "(.)", "{.}", "<.>", "[dot]", "(punt)". */
const BRACKETED_DOT = /\s*[[({<]\s*(?:\.|dot|punt|period|stip)\s*[\])}>]\s*/g

/**
 * Cyrillic and Greek letters that look like the Latin letters of "whatsapp", "chat",
 * "invite", "wa.me" and "com". NFKC leaves them alone because they are letters of
 * their own script.
 */
const CONFUSABLES: Record<string, string> = {
  а: "a", е: "e", о: "o", р: "p", с: "c", х: "x", у: "y", і: "i", ј: "j", ѕ: "s", һ: "h", ԁ: "d", ԝ: "w", ѡ: "w", м: "m", т: "t", к: "k", в: "b", н: "h",
  α: "a", ε: "e", ο: "o", ρ: "p", τ: "t", ν: "v", ι: "i", κ: "k", χ: "x", ω: "w",
  // Armenian small letters that pass for Latin ones
  օ: "o", ս: "u", հ: "h", ո: "n", ց: "g", զ: "q", ա: "w",
  // Lisu letters (no case) shaped like Latin capitals
  ꓮ: "a", ꓐ: "b", ꓚ: "c", ꓓ: "d", ꓰ: "e", ꓝ: "f", ꓖ: "g", ꓧ: "h", ꓲ: "i", ꓙ: "j", ꓗ: "k", ꓡ: "l", ꓟ: "m", ꓠ: "n", ꓳ: "o", ꓑ: "p", ꓣ: "r", ꓢ: "s", ꓔ: "t", ꓴ: "u", ꓦ: "v", ꓪ: "w", ꓫ: "x", ꓬ: "y", ꓜ: "z",
}
const CONFUSABLE_PATTERN = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "gu")

/** Removes format (Cf), control and other invisible characters; keeps ordinary white space. */
export function stripInvisible(value: string): string {
  return value.replace(FORMAT_AND_CONTROL, "").replace(OTHER_INVISIBLES, "")
}

/**
 * The form of `value` that safety patterns match against: NFKC (full-width and other
 * compatibility forms become ASCII), invisible characters removed, accents and other
 * combining marks removed, lookalike letters and dots replaced by their ASCII
 * counterparts, percent- and HTML-encoded dots decoded, lower case.
 */
export function normaliseForMatching(value: string): string {
  const folded = stripInvisible(value.replace(DOT_LOOKALIKES, ".").replace(PUNCTUATION_BETWEEN_LETTERS, ".").normalize("NFKC"))
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC")
    .toLowerCase()
  return folded
    .replace(CONFUSABLE_PATTERN, (c) => CONFUSABLES[c])
    .replace(DOT_LOOKALIKES, ".")
    .replace(BRACKETED_DOT, ".")
    .replace(/%2e|&#0*46;|&#x0*2e;|&period;/g, ".")
    .replace(/%2f|&#0*47;|&#x0*2f;|&sol;/g, "/")
    .replace(/\.(?:\s*\.)+/g, ".")
}

/** Top-level domains that are also written with spaces around the dot ("evil . nl") to slip past a filter. */
const COMMON_TLDS = "nl|be|com|net|org|eu|info|io|me|app|xyz|online|site|shop|link|click|top|biz|co|de|uk|ly|gl|to"
/**
 * The same, for a dot spelled out ("evil dot nl", "evil punt com"): without "de", "to" and
 * "me", which are also words ("Buurtpreventie De Punt de Meern").
 */
const SPELLED_TLDS = "nl|be|com|net|org|eu|info|io|app|xyz|online|site|shop|link|click|top|biz|co|uk|ly|gl|frl|amsterdam"

/**
 * Web addresses and e-mail addresses, matched on normaliseForMatching's form:
 * a scheme or "www.", an address with "@" (or "(at)", "[at]"), a host name
 * (labels joined by dots, ending in two or more letters: "evil.example/win",
 * "bit.ly"), or a common domain with spaces around the dot ("buurt . nl", "buurt. nl") or
 * with the dot spelled out ("buurt dot nl", "buurt punt com"; bracketed dots such as "[.]"
 * are "." already).
 * Abbreviations with single letters ("e.o.", "W.A.B.P.", "St. Jansweg") do not match.
 */
/**
 * Abbreviations Dutch street and place names write before a name, sometimes without the
 * space ("St.Annaparochie", "Dr.Lelylaan"): not a host name, unless what follows is only
 * a top-level domain ("st.com").
 */
const NAME_ABBREVIATION = new RegExp(String.raw`\b(st|sint|mr|dr|ir|ds|burg|prof|pr|kon|gen|ged)\.(?!(?:${COMMON_TLDS}|${SPELLED_TLDS})\b)(?=[a-z])`, "g")

const LINK_OR_EMAIL = new RegExp(
  [
    String.raw`\b(?:https?|ftp)\s*:\s*/`,
    String.raw`\bwww\s*\.`,
    String.raw`[a-z0-9._%+'-]\s*(?:@|\(at\)|\[at\]|\{at\})\s*[a-z0-9-]+\s*\.`,
    String.raw`\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b`,
    String.raw`\b[a-z0-9-]{2,}\s+\.\s*(?:${COMMON_TLDS})\b`,
    String.raw`\b[a-z0-9-]{2,}\s*\.\s+(?:${SPELLED_TLDS})\b`,
    String.raw`\b[a-z0-9-]{2,}\s+(?:dot|punt|period|stip)\s+(?:${SPELLED_TLDS})\b`,
    // a comma for the dot ("evil,com") and digits for letters in the domain ("evil.c0m", "evil.n1")
    String.raw`\b[a-z0-9-]{2,},(?:${SPELLED_TLDS})\b`,
    String.raw`\b[a-z0-9-]{2,}\.(?:c[o0]m|[o0]rg|ne[t7]|n[l1]|b[e3]|[i1][o0])\b`,
    // a bare IPv4 address
    String.raw`\b\d{1,3}(?:\.\d{1,3}){3}\b`,
  ].join("|")
)

/**
 * Whether text contains a web or e-mail address, however it is disguised (full-width
 * letters, lookalike dots, invisible characters; see normaliseForMatching). Group names
 * and places are shown publicly and mailed: an address there turns the shop into a
 * messenger for someone else's link ("Prijs gewonnen, claim op evil.example/win").
 */
export function containsLinkOrEmail(value: string): boolean {
  return LINK_OR_EMAIL.test(normaliseForMatching(value).replace(NAME_ABBREVIATION, "$1 "))
}

/**
 * Control characters (tab, CR/LF, …), the Unicode line and paragraph separators and the bidi
 * embeddings/overrides/isolates: none belongs in a name, and each lets a name break out of
 * its line (or reorder it) in a relayed mail.
 */
export const NOT_SINGLE_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u
