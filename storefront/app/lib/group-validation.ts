import { z } from "zod";

/**
 * The group directory's form rules (register a group, write to a group's admin), shared by
 * the forms (field attributes, hints) and the actions (zod). They mirror the backend's
 * validators (backend/src/api/store/groups/validators.ts) with the same Dutch messages, so a
 * visitor sees every problem at once, per field, before anything is sent to the backend.
 * The backend checks again; its answers are mapped to fields in groups.server.ts.
 * Client-safe: no server imports.
 */

/** Most members a WhatsApp group can have (backend: MAX_GROUP_MEMBERS). */
export const MAX_GROUP_MEMBERS = 256;
/** Most PC4 postcodes one group may cover (backend: MAX_POSTCODES). */
export const MAX_POSTCODES = 20;
/** The Netherlands with some margin (backend: NL_BOUNDS): a picked map point must lie inside. */
export const NL_BOUNDS = { minLat: 50.7, maxLat: 53.7, minLng: 3.2, maxLng: 7.3 } as const;

/** Longest search text the directory's API accepts. */
export const MAX_QUERY_LENGTH = 100;

import type { FieldErrors } from "./validation";
export { parseForm as parseGroupForm, type FieldErrors } from "./validation";

// ---------------------------------------------------------------------------
// Postcodes

/** "3581", "3581AB", "3581 ab" → "3581"; anything else → null. */
export function toPc4(value: string): string | null {
  const match = /^([1-9][0-9]{3})\s*(?:[a-zA-Z]{2})?$/.exec(value.trim());
  return match ? (match[1] ?? null) : null;
}

/** Splits "3581, 3582 AB; 3583" into its postcodes (a space before two letters belongs to the postcode). */
export function splitPostcodes(value: string): string[] {
  return value.split(/[,;\s]+(?![a-zA-Z]{2}\b)/).map((part) => part.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------
// WhatsApp invite links: never accepted anywhere (backend: utils/whatsapp.ts)

export const INVITE_LINK_MESSAGE =
  "Deel nooit de uitnodigingslink van je groep. Buurtbewoners nemen via deze site contact op met de beheerder.";

const INVITE_LINK_PATTERNS = [
  /(?<![a-z0-9])chat\s*(?:\.|%2e)\s*whatsapp\s*(?:\.|%2e)\s*com/i,
  /(?<![a-z0-9])invite\s*(?:\.|%2e)\s*whatsapp\s*(?:\.|%2e)\s*com/i,
  /(?<![a-z0-9])wa\s*(?:\.|%2e)\s*me(?![a-z0-9])/i,
  /whatsapp\s*(?:\.|%2e)\s*com\s*\/\s*(?:invite|channel|send)/i,
];

export function looksLikeInviteLink(value: string): boolean {
  return INVITE_LINK_PATTERNS.some((pattern) => pattern.test(value));
}

// ---------------------------------------------------------------------------
// Field schemas

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const text = (required: string, min: number, tooShort: string, max: number, tooLong: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .min(min, tooShort)
    .max(max, tooLong)
    .refine((v) => !looksLikeInviteLink(v), INVITE_LINK_MESSAGE);

const email = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(254, "Een e-mailadres is hoogstens 254 tekens lang.")
    .pipe(z.email({ error: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." }));

/** Dutch numbers (06 12345678, 020-1234567, +31 6 …) and other international numbers → "+31612345678". */
export function normalisePhone(value: string): string | null {
  const digits = value.replace(/[\s().\-/]/g, "");
  const dutch = /^0([1-9][0-9]{8})$/.exec(digits);
  if (dutch) return `+31${dutch[1]}`;
  const international = /^(?:\+|00)([1-9][0-9]{7,14})$/.exec(digits);
  if (international?.[1] && (!international[1].startsWith("31") || /^31[1-9][0-9]{8}$/.test(international[1]))) {
    return `+${international[1]}`;
  }
  return null;
}

const phone = z
  .string({ error: "Vul je telefoonnummer in." })
  .trim()
  .min(1, "Vul je telefoonnummer in.")
  .transform((value, ctx) => {
    const normalised = normalisePhone(value);
    if (normalised) return normalised;
    ctx.addIssue({ code: "custom", message: "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678." });
    return z.NEVER;
  });

const postcodes = z
  .string({ error: "Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581)." })
  .transform((value, ctx) => {
    const parts = splitPostcodes(value);
    if (parts.length === 0) {
      ctx.addIssue({ code: "custom", message: "Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581)." });
      return z.NEVER;
    }
    const invalid = parts.filter((part) => !toPc4(part));
    if (invalid.length) {
      ctx.addIssue({
        code: "custom",
        message:
          invalid.length === 1
            ? `"${invalid[0]}" is geen geldige postcode: gebruik vier cijfers, bijvoorbeeld 3581.`
            : `${invalid.map((v) => `"${v}"`).join(", ")} zijn geen geldige postcodes: gebruik vier cijfers, bijvoorbeeld 3581.`,
      });
      return z.NEVER;
    }
    const pc4s = [...new Set(parts.map((part) => toPc4(part) as string))].sort();
    if (pc4s.length > MAX_POSTCODES) {
      ctx.addIssue({ code: "custom", message: `Geef hoogstens ${MAX_POSTCODES} postcodes op.` });
      return z.NEVER;
    }
    return pc4s;
  });

const memberCount = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim().replace(",", ".")) : blankToUndefined(v)),
  z
    .number({ error: "Vul het aantal leden in (een getal)." })
    .int("Het aantal leden is een heel getal.")
    .min(1, "Een groep heeft minstens 1 lid.")
    .max(MAX_GROUP_MEMBERS, `Een WhatsApp-groep heeft hoogstens ${MAX_GROUP_MEMBERS} leden.`),
);

// the point's fields are visible without JavaScript: accept the Dutch comma ("52,0907")
const coordinate = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim().replace(",", ".")) : blankToUndefined(v)),
  z.number({ error: "Vul de graden in als getal, bijvoorbeeld 52,0907 en 5,1214." }).finite("Vul de graden in als getal, bijvoorbeeld 52,0907 en 5,1214.").optional(),
);

export function isInNetherlands(lat: number, lng: number): boolean {
  return lat >= NL_BOUNDS.minLat && lat <= NL_BOUNDS.maxLat && lng >= NL_BOUNDS.minLng && lng <= NL_BOUNDS.maxLng;
}

/** Honeypot: a field people never see; anything in it means a bot. */
const honeypot = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string());

// ---------------------------------------------------------------------------
// Forms

/** Fields of the registration form, in the order they appear (for the error summary). */
export const REGISTRATION_FIELDS = [
  "name",
  "woonplaats",
  "gemeente",
  "postcodes",
  "member_count",
  "lat",
  "admin_name",
  "admin_email",
  "admin_phone",
  "accepted_rules",
] as const;

/** /groepen/aanmelden → POST /store/groups. */
export const registrationSchema = z
  .object({
    name: text(
      "Vul de naam van je groep in.",
      3,
      "De naam van je groep moet minstens 3 tekens lang zijn.",
      80,
      "De naam van je groep mag hoogstens 80 tekens lang zijn.",
    ),
    woonplaats: text("Vul je woonplaats in.", 2, "Vul je woonplaats in (minstens 2 tekens).", 80, "De woonplaats mag hoogstens 80 tekens lang zijn."),
    gemeente: z.preprocess(
      (v) => (typeof v === "string" ? v : ""),
      z
        .string()
        .trim()
        .max(80, "De gemeente mag hoogstens 80 tekens lang zijn.")
        .refine((v) => !looksLikeInviteLink(v), INVITE_LINK_MESSAGE),
    ),
    postcodes,
    member_count: memberCount,
    lat: coordinate,
    lng: coordinate,
    admin_name: text("Vul je naam in.", 2, "Vul je naam in (minstens 2 tekens).", 80, "Je naam mag hoogstens 80 tekens lang zijn."),
    admin_email: email("Vul je e-mailadres in."),
    admin_phone: phone,
    accepted_rules: z.preprocess(
      (v) => v === "true" || v === "on" || v === "1" || v === true,
      z.literal(true, { error: "Ga akkoord met de gedragsregels om je groep aan te melden." }),
    ),
    website: honeypot,
  })
  .superRefine((value, ctx) => {
    if ((value.lat === undefined) !== (value.lng === undefined)) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: "Kies het punt opnieuw op de kaart." });
    } else if (value.lat !== undefined && value.lng !== undefined && !isInNetherlands(value.lat, value.lng)) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: "Dit punt ligt niet in Nederland. Kies een punt in je buurt." });
    }
  });

export type RegistrationInput = z.infer<typeof registrationSchema>;

/** Fields of the contact form, in order. */
export const CONTACT_FIELDS = ["name", "email", "message"] as const;

/** /groepen/<slug> contact form → POST /store/groups/<slug>/contact. */
export const contactSchema = z.object({
  name: text("Vul je naam in.", 2, "Vul je naam in (minstens 2 tekens).", 80, "Je naam mag hoogstens 80 tekens lang zijn."),
  email: email("Vul je e-mailadres in, zodat de beheerder je kan antwoorden."),
  message: text(
    "Schrijf een bericht.",
    10,
    "Je bericht moet minstens 10 tekens lang zijn.",
    2000,
    "Je bericht mag hoogstens 2000 tekens lang zijn.",
  ),
  website: honeypot,
});

export type ContactInput = z.infer<typeof contactSchema>;


/** Errors in the order of `fields` (unknown keys, such as "_", last): for the error summary. */
export function orderedErrors(errors: FieldErrors, fields: readonly string[]): [string, string][] {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  const rank = (key: string) => {
    const index = fields.indexOf(key);
    return index === -1 ? fields.length : index;
  };
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
}
