import { z } from "../zod";
import { normaliseEmail } from "../email";

/**
 * Form rules of the group admin's account pages (sign in, forgotten password, set a
 * password), with Dutch messages per field: the rules no backend route checks (Medusa's
 * emailpass routes answer only "wrong" or "expired"). "Mijn groep"'s edit form has no
 * rules here: the backend judges it (backend/src/api/store/my-group/validators.ts).
 * Client-safe: no server imports.
 */

export { parseForm } from "../validation";

// ---------------------------------------------------------------------------
// Messages (also shown by the pages)

export { UNAVAILABLE_MESSAGE } from "../error-messages";
export const WRONG_LOGIN_MESSAGE = "Het e-mailadres of het wachtwoord klopt niet.";
/** The code of the refusal of a used or expired reset link (lib/account/account.server.ts setPassword). */
export const EXPIRED_LINK_CODE = "expired_link";

export const EXPIRED_LINK_MESSAGE =
  "Deze link werkt niet meer: hij is verlopen of al gebruikt. Vraag hieronder een nieuwe link aan.";
/** The same answer whether or not an account exists (no account enumeration). */
export const FORGOT_PASSWORD_ANSWER =
  "Als er een account bij dit e-mailadres hoort, sturen we binnen een paar minuten een e-mail met een link om een nieuw wachtwoord in te stellen. Kijk ook in je map met ongewenste e-mail.";


export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const email = z
  .string({ error: "Vul je e-mailadres in." })
  .trim()
  .min(1, "Vul je e-mailadres in.")
  .max(254, "Een e-mailadres is hoogstens 254 tekens lang.")
  .pipe(z.email({ error: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." }))
  .transform(normaliseEmail);

/** /inloggen: only presence is checked; whether it is right is the backend's answer. */
export const loginSchema = z.object({
  email,
  password: z.string({ error: "Vul je wachtwoord in." }).min(1, "Vul je wachtwoord in."),
});

/** /wachtwoord-vergeten */
export const forgotPasswordSchema = z.object({ email });

/** The problems with a new password, in Dutch; empty when it is fine. */
export function passwordProblem(password: string, emailAddress?: string | null): string | null {
  if (!password) return "Kies een wachtwoord.";
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Een wachtwoord is hoogstens ${MAX_PASSWORD_LENGTH} tekens lang.`;
  if (password.trim() !== password) return "Begin of eindig je wachtwoord niet met een spatie.";
  if (new Set(password).size < 4) return "Kies een wachtwoord met meer verschillende tekens.";
  if (emailAddress && password.toLowerCase().includes(emailAddress.toLowerCase().split("@")[0] ?? "\u0000")) {
    return "Gebruik je e-mailadres niet in je wachtwoord.";
  }
  return null;
}

/** /wachtwoord-instellen: the token comes from the e-mail's link. */
export const setPasswordSchema = z
  .object({
    token: z.string({ error: "De link is onvolledig." }).min(1, "De link is onvolledig."),
    email: z.string().optional().default(""),
    password: z.string({ error: "Kies een wachtwoord." }),
    password_repeat: z.string({ error: "Herhaal je wachtwoord." }),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    else if (!value.password_repeat) ctx.addIssue({ code: "custom", path: ["password_repeat"], message: "Herhaal je wachtwoord." });
    else if (value.password_repeat !== value.password) {
      ctx.addIssue({ code: "custom", path: ["password_repeat"], message: "De twee wachtwoorden zijn niet gelijk." });
    }
  });

/** Longer `terug` values are refused: no page of the shop needs one, and logs stay readable. */
export const MAX_REDIRECT_LENGTH = 512;
/** Any origin works for the check; `.invalid` can never be a real host (RFC 2606). */
const SHOP_ORIGIN = "https://shop.invalid";

/**
 * Only paths of the shop itself may be a destination after signing in (no open redirect).
 *
 * Browsers are lenient where attackers need them to be: they drop tabs and newlines
 * inside URLs (`/<TAB>/evil.example` becomes `//evil.example`, another host), read `\`
 * as `/`, and resolve `/..//evil.example` to `//evil.example`. So: refuse control
 * characters, whitespace, backslashes and encoded slashes, backslashes or control
 * characters outright; parse what is left as a URL against a fixed origin; accept it
 * only when it stays on that origin; and return the parser's own serialisation (what
 * was checked is exactly what the Location header says), never starting with `//`.
 */
export function safeRedirect(to: string | null | undefined, fallback = "/mijn-groep"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > MAX_REDIRECT_LENGTH) return fallback;
  if (/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/.test(to)) return fallback;
  if (/%(2f|5c|[01][0-9a-f]|7f)/i.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, SHOP_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== SHOP_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

/**
 * Why the sign-in page was reached, for a line above the form: the destination (already
 * through safeRedirect) tells. A message's "Beantwoorden" link from a mail, or the Berichten
 * list, opened while signed out (stranger's walk: plain "Inloggen", no hint). Null: no line.
 */
export function signInReason(back: string): string | null {
  const path = back.split(/[?#]/)[0]!;
  if (/^\/mijn-groep\/berichten\/[^/]+\/?$/.test(path)) return "Log in om het bericht te lezen en te beantwoorden.";
  if (/^\/mijn-groep\/berichten\/?$/.test(path)) return "Log in om de berichten van je groep te lezen.";
  return null;
}

// ---------------------------------------------------------------------------
// robots.txt

/** The group admin's account pages: personal, never worth crawling. */
export const ACCOUNT_DISALLOWED_PATHS = ["/mijn-groep", "/inloggen", "/uitloggen", "/wachtwoord-vergeten", "/wachtwoord-instellen"];

/** Adds Disallow lines after the existing ones (robots.txt groups end at the blank line). */
export function withAccountDisallows(robots: string, paths: readonly string[] = ACCOUNT_DISALLOWED_PATHS): string {
  const lines = robots.split("\n");
  const missing = paths.filter((path) => !lines.includes(`Disallow: ${path}`)).map((path) => `Disallow: ${path}`);
  const end = lines.indexOf("");
  lines.splice(end === -1 ? lines.length : end, 0, ...missing);
  return lines.join("\n");
}
