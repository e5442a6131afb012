/**
 * Area notices for a group's page (and "Mijn groep"): the current, not withdrawn
 * notices for the group's area from GET /store/groups/:slug/notices. Notices are
 * secondary content: when the backend fails the page shows none rather than an error.
 * The API returns public fields only; the mapper copies only the ones it names.
 */
import { BackendError, backendFetch, failureStatus, toBackendFailure } from "../backend/backend.server";
import { createCache } from "../cache.server";
import type { FieldErrors } from "../form-errors";
import { formatDate } from "../format";
import type { AreaNoticeView } from "./notice-view";

type ApiNotice = { id: string; title: string; body: string; author_label: string; starts_at: string; ends_at: string };

// Short: a withdrawn notice should disappear within seconds.
const cache = createCache<ApiNotice[] | null>({ freshMs: 10_000, maxStaleMs: 10_000 });

/** API notice → view model; drops notices that ended since they were cached. Pure; exported for tests. */
export function toNoticeViews(notices: ApiNotice[], now = new Date()): AreaNoticeView[] {
  return notices
    .filter((n) => new Date(n.ends_at).getTime() > now.getTime() && new Date(n.starts_at).getTime() <= now.getTime())
    .map(toNoticeViewUnfiltered);
}

/** Current notices for an approved group; [] for an unknown group or when the backend fails. */
export async function getAreaNotices(slug: string): Promise<AreaNoticeView[]> {
  try {
    const notices = await cache.get(`notices:${slug}`, async () => {
      try {
        const { notices } = await backendFetch<{ notices: ApiNotice[] }>(`/store/groups/${encodeURIComponent(slug)}/notices`);
        return notices;
      } catch (error) {
        if (failureStatus(error) === 404) return null;
        throw error;
      }
    });
    return notices ? toNoticeViews(notices) : [];
  } catch (error) {
    console.warn(`Area notices for ${slug} unavailable: ${(error as Error).message}`);
    return [];
  }
}

// ---------------------------------------------------------------------------
// Wijkagent/municipality accounts (actor type `notice_author`): sign in with Medusa's
// emailpass provider, then write and withdraw notices for their own municipalities
// through /store/notices/author/**. A route keeps the token in the session, like
// the group admin's customer token.

export const AUTHOR_WRONG_LOGIN_MESSAGE = "Het e-mailadres of wachtwoord klopt niet.";
export const AUTHOR_DISABLED_MESSAGE = "Dit account mag geen meldingen meer plaatsen. Neem contact met ons op als dat niet klopt.";
export const AUTHOR_UNAVAILABLE_MESSAGE = "Het lukt nu niet om meldingen te verwerken. Probeer het later opnieuw.";

export type AuthorNoticeStatus = "current" | "planned" | "ended" | "withdrawn";
export type AuthorNotice = AreaNoticeView & { status: AuthorNoticeStatus; deliveryCount: number; municipalityCodes: string[]; postcodes: string[] };
export type AuthorOverview = {
  author: { name: string; email: string; organisation: string; municipalityCodes: string[] };
  notices: AuthorNotice[];
};

type ApiAuthorNotice = ApiNotice & { status: AuthorNoticeStatus; delivery_count: number; municipality_codes: string[]; postcodes: string[] };

function toAuthorNotice(n: ApiAuthorNotice): AuthorNotice {
  return {
    ...toNoticeViewUnfiltered(n),
    status: n.status,
    deliveryCount: n.delivery_count,
    municipalityCodes: n.municipality_codes,
    postcodes: n.postcodes,
  };
}

function toNoticeViewUnfiltered(n: ApiNotice): AreaNoticeView {
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    authorLabel: n.author_label,
    startsAt: n.starts_at,
    endsAt: n.ends_at,
    startsLabel: formatDate(n.starts_at),
    endsLabel: formatDate(n.ends_at),
  };
}

/** A wijkagent/municipality account's token; a refusal is a Dutch BackendError for the whole form (401, 429 or 503). */
export async function signInNoticeAuthor(email: string, password: string): Promise<string> {
  let token: unknown;
  try {
    ({ token } = await backendFetch<{ token?: unknown }>("/auth/notice_author/emailpass", {
      method: "POST",
      body: { email: email.trim().toLowerCase(), password },
    }));
  } catch (error) {
    const failure = toBackendFailure(error);
    if (failure.status === 401 || failure.status === 400) throw BackendError.refusal(401, AUTHOR_WRONG_LOGIN_MESSAGE);
    if (failure.status === 429) throw BackendError.refusal(429, failure.message, undefined, failure.code, failure.retryAfter);
    throw BackendError.refusal(503, AUTHOR_UNAVAILABLE_MESSAGE);
  }
  if (typeof token !== "string") throw BackendError.refusal(401, AUTHOR_WRONG_LOGIN_MESSAGE);
  return token;
}

type ApiAuthorOverview = {
  author: { name: string; email: string; organisation: string; municipality_codes: string[] };
  notices: ApiAuthorNotice[];
};

/**
 * The account and its notices; null when the token is no longer valid (sign in again),
 * "disabled" when staff switched the account off.
 */
export async function getNoticeAuthorOverview(token: string): Promise<AuthorOverview | null | "disabled"> {
  let data: ApiAuthorOverview;
  try {
    data = await backendFetch<ApiAuthorOverview>("/store/notices/author/me", { token });
  } catch (error) {
    const failure = toBackendFailure(error);
    if (failure.status === 401) return null;
    if (failure.status === 400 && failure.type === "not_allowed") return "disabled";
    throw error;
  }
  return {
    author: {
      name: data.author.name,
      email: data.author.email,
      organisation: data.author.organisation,
      municipalityCodes: data.author.municipality_codes,
    },
    notices: data.notices.map(toAuthorNotice),
  };
}

export type AuthorNoticeInput = {
  title: string;
  body: string;
  /** comma separated CBS codes or PC4s, as typed in the form */
  municipality_codes?: string[] | string;
  postcodes?: string[] | string;
  starts_at?: string;
  ends_at: string;
};

/** Writes a notice; a refusal is a BackendError with the backend's Dutch errors per field ("_" for the whole form). */
export async function createAuthorNotice(token: string, input: AuthorNoticeInput): Promise<{ notice: AuthorNotice; delivered: number }> {
  const body = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ""));
  try {
    const data = await backendFetch<{ notice: ApiAuthorNotice; delivered: number }>("/store/notices/author/notices", {
      method: "POST",
      body,
      token,
    });
    return { notice: toAuthorNotice(data.notice), delivered: data.delivered };
  } catch (error) {
    throw unavailableInOwnWords(error);
  }
}

/** An unreachable backend or a 5xx, said in the notice pages' own words; any other refusal as it is. */
function unavailableInOwnWords(error: unknown): unknown {
  return toBackendFailure(error).status >= 500 ? BackendError.refusal(503, AUTHOR_UNAVAILABLE_MESSAGE) : error;
}

/** Withdraws one of the account's own notices; a refusal is a BackendError (status 401: sign in again). */
export async function withdrawAuthorNotice(token: string, id: string): Promise<void> {
  try {
    await backendFetch(`/store/notices/author/notices/${encodeURIComponent(id)}/withdraw`, { method: "POST", body: {}, token });
  } catch (error) {
    throw unavailableInOwnWords(error);
  }
}

// ---------------------------------------------------------------------------
// The "Nieuwe melding" form on /meldingen: dates are picked as days (Amsterdam); a
// notice runs from the start of its first day to the end of its last day.

export type NoticeFormValues = {
  title: string;
  body: string;
  municipalityCodes: string[];
  /** as typed: "3581, 3582" */
  postcodes: string;
  /** "YYYY-MM-DD" as a date input gives it (or as typed without one) */
  startsOn: string;
  endsOn: string;
};

export const NOTICE_DEFAULT_DAYS = 14;
const ZONE = "Europe/Amsterdam";
const dayParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function zoneParts(date: Date): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(dayParts.formatToParts(date).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute), s: Number(parts.second) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The day in Amsterdam as "YYYY-MM-DD" (what a date input holds). */
export function amsterdamDay(date: Date): string {
  const { y, m, d } = zoneParts(date);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The form's defaults: from today until two weeks later. */
export function defaultNoticePeriod(now = new Date()): { startsOn: string; endsOn: string } {
  const { y, m, d } = zoneParts(now);
  const later = new Date(Date.UTC(y, m - 1, d + NOTICE_DEFAULT_DAYS));
  return { startsOn: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, endsOn: `${pad(later.getUTCFullYear(), 4)}-${pad(later.getUTCMonth() + 1)}-${pad(later.getUTCDate())}` };
}

/** A wall-clock time in Amsterdam as an instant (summer and winter time). */
export function amsterdamTime(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date {
  const wanted = Date.UTC(y, m - 1, d, h, mi, s, ms);
  let guess = wanted;
  // Two rounds settle the offset, also next to a DST switch.
  for (let i = 0; i < 2; i++) {
    const p = zoneParts(new Date(guess));
    const shown = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s, ms);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** "2026-11-25" (date input) or "25-11-2026" / "25/11/2026" (typed) → its parts; null when not a real day. */
export function parseDay(raw: string): { y: number; m: number; d: number } | null {
  const value = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dutch ? [dutch[3], dutch[2], dutch[1]].map(Number) : [];
  if (!y || !m || !d) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

export type ParsedNoticeForm =
  | { ok: true; values: NoticeFormValues; input: AuthorNoticeInput }
  | { ok: false; values: NoticeFormValues; errors: Record<string, string> };

/**
 * The posted form → the API's input. Only the dates are checked here (the API wants
 * instants, the form has days); every other rule is the backend's, which answers in
 * Dutch per field. Checkboxes outside the account's own list are kept: the backend refuses them.
 */
export function parseNoticeForm(form: FormData): ParsedNoticeForm {
  const text = (key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "");
  const values: NoticeFormValues = {
    title: text("title"),
    body: text("body"),
    municipalityCodes: [...new Set(form.getAll("municipality_codes").filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim()))],
    postcodes: text("postcodes"),
    startsOn: text("starts_at").trim(),
    endsOn: text("ends_at").trim(),
  };
  const errors: Record<string, string> = {};
  const starts = values.startsOn ? parseDay(values.startsOn) : null;
  const ends = values.endsOn ? parseDay(values.endsOn) : null;
  if (values.startsOn && !starts) errors.starts_at = "Vul een geldige begindatum in, bijvoorbeeld 25-11-2026";
  if (!values.endsOn) errors.ends_at = "Vul een einddatum in";
  else if (!ends) errors.ends_at = "Vul een geldige einddatum in, bijvoorbeeld 9-12-2026";
  if (Object.keys(errors).length) return { ok: false, values, errors };
  return {
    ok: true,
    values,
    input: {
      title: values.title,
      body: values.body,
      municipality_codes: values.municipalityCodes,
      postcodes: values.postcodes.trim(),
      // no start: the backend starts it now
      starts_at: starts ? amsterdamTime(starts.y, starts.m, starts.d).toISOString() : undefined,
      ends_at: amsterdamTime(ends!.y, ends!.m, ends!.d, 23, 59, 59).toISOString(),
    },
  };
}

// Municipality names for the account's codes (the account holds CBS codes only).
const namesCache = createCache<Record<string, string>>({ freshMs: 60 * 60_000, maxStaleMs: 24 * 60 * 60_000 });

/** CBS code → name of every current municipality; {} when the backend fails (the page shows codes). */
export async function getMunicipalityNames(): Promise<Record<string, string>> {
  try {
    return await namesCache.get("names", async () => {
      const { municipalities } = await backendFetch<{ municipalities: { code: string | null; name: string }[] }>("/store/municipalities", {
        query: { limit: 500 },
      });
      return Object.fromEntries(municipalities.filter((m) => m.code).map((m) => [m.code!, m.name]));
    });
  } catch (error) {
    console.warn(`Municipality names unavailable: ${(error as Error).message}`);
    return {};
  }
}
