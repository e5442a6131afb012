/**
 * Area notices for a group's page (and "Mijn groep"): the current, not withdrawn
 * notices for the group's area from GET /store/groups/:slug/notices. Notices are
 * secondary content: when the backend fails the page shows none rather than an error.
 * The API returns public fields only; the mapper copies only the ones it names.
 */
import { FetchError } from "@medusajs/js-sdk";
import type { AreaNoticeView } from "~/components/groups/AreaNotices";
import { createCache } from "./cache.server";
import { callBackend } from "./catalogue.server";
import { getConfig } from "./config.server";
import { sdk } from "./medusa.server";

type ApiNotice = { id: string; title: string; body: string; author_label: string; starts_at: string; ends_at: string };

// Short: a withdrawn notice should disappear within seconds.
const cache = createCache<ApiNotice[] | null>({ freshMs: 10_000, maxStaleMs: 10_000 });

const dateFormat = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" });

/** "25 november 2026" (Amsterdam time). */
export function formatNoticeDate(value: string): string {
  return dateFormat.format(new Date(value));
}

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
        const { notices } = await callBackend("list area notices", () =>
          sdk.client.fetch<{ notices: ApiNotice[] }>(`/store/groups/${encodeURIComponent(slug)}/notices`),
        );
        return notices;
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        if (cause instanceof FetchError && cause.status === 404) return null;
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
export const AUTHOR_UNAVAILABLE_MESSAGE = "Het lukt nu niet om meldingen te verwerken. Probeer het later opnieuw.";

export type AuthorNoticeStatus = "current" | "planned" | "ended" | "withdrawn";
export type AuthorNotice = AreaNoticeView & { status: AuthorNoticeStatus; deliveryCount: number; municipalityCodes: string[]; postcodes: string[] };
export type AuthorOverview = {
  author: { name: string; email: string; organisation: string; municipalityCodes: string[] };
  notices: AuthorNotice[];
};

type ApiAuthorNotice = ApiNotice & { status: AuthorNoticeStatus; delivery_count: number; municipality_codes: string[]; postcodes: string[] };

/** Medusa's answer with its body (the SDK keeps only the message; forms need `errors` per field). */
async function authorFetch(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  const config = getConfig();
  const response = await fetch(`${config.backendUrl.replace(/\/+$/, "")}${path}`, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      "x-publishable-api-key": config.publishableKey,
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, any>;
  return { status: response.status, data };
}

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
    startsLabel: formatNoticeDate(n.starts_at),
    endsLabel: formatNoticeDate(n.ends_at),
  };
}

export async function signInNoticeAuthor(email: string, password: string): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  try {
    const { status, data } = await authorFetch("/auth/notice_author/emailpass", null, {
      method: "POST",
      body: { email: email.trim().toLowerCase(), password },
    });
    if (status === 200 && typeof data.token === "string") return { ok: true, token: data.token };
    if (status === 401 || status === 400) return { ok: false, message: AUTHOR_WRONG_LOGIN_MESSAGE };
    return { ok: false, message: AUTHOR_UNAVAILABLE_MESSAGE };
  } catch {
    return { ok: false, message: AUTHOR_UNAVAILABLE_MESSAGE };
  }
}

/** The account and its notices; null when the token is no longer valid (sign in again). */
export async function getNoticeAuthorOverview(token: string): Promise<AuthorOverview | null> {
  const { status, data } = await authorFetch("/store/notices/author/me", token);
  if (status === 401) return null;
  if (status !== 200) throw new Error(`notice author overview: HTTP ${status} ${data.message ?? ""}`);
  return {
    author: {
      name: data.author.name,
      email: data.author.email,
      organisation: data.author.organisation,
      municipalityCodes: data.author.municipality_codes,
    },
    notices: (data.notices as ApiAuthorNotice[]).map(toAuthorNotice),
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

export type AuthorNoticeResult =
  | { ok: true; notice: AuthorNotice; delivered: number }
  | { ok: false; status: number; errors: Record<string, string> };

/** Writes a notice; field errors come back in Dutch per field ("_" for the whole form). */
export async function createAuthorNotice(token: string, input: AuthorNoticeInput): Promise<AuthorNoticeResult> {
  const body = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ""));
  try {
    const { status, data } = await authorFetch("/store/notices/author/notices", token, { method: "POST", body });
    if (status === 201) return { ok: true, notice: toAuthorNotice(data.notice), delivered: data.delivered };
    if (status === 401) return { ok: false, status, errors: { _: "Je bent uitgelogd. Log opnieuw in." } };
    return { ok: false, status, errors: data.errors ?? { _: data.message ?? AUTHOR_UNAVAILABLE_MESSAGE } };
  } catch {
    return { ok: false, status: 503, errors: { _: AUTHOR_UNAVAILABLE_MESSAGE } };
  }
}

export async function withdrawAuthorNotice(token: string, id: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const { status, data } = await authorFetch(`/store/notices/author/notices/${encodeURIComponent(id)}/withdraw`, token, { method: "POST", body: {} });
    return status === 200 ? { ok: true } : { ok: false, message: data.message ?? AUTHOR_UNAVAILABLE_MESSAGE };
  } catch {
    return { ok: false, message: AUTHOR_UNAVAILABLE_MESSAGE };
  }
}
