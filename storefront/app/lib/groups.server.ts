/**
 * The WhatsApp-buurtpreventie group directory: search, group and municipality pages,
 * the map's points, registering a group and writing to a group's admin. Everything goes
 * through the store API (backend/src/api/store/groups/**, …/municipalities/**) with the
 * one js-sdk client.
 *
 * Privacy: the API never returns an admin's name, e-mail or phone number, and the mappers
 * below copy only the public fields they name, so nothing else can reach a page.
 */
import { createCookie } from "@remix-run/node";
import { FetchError } from "@medusajs/js-sdk";
import { BackendUnavailableError, callBackend } from "./catalogue.server";
import { clientAddressHeaders } from "./client-address.server";
import { getConfig } from "./config.server";
import type { ContactInput, FieldErrors, RegistrationInput } from "./group-validation";
import { INVITE_LINK_MESSAGE, MAX_QUERY_LENGTH } from "./group-validation";
import { sdk } from "./medusa.server";

// ---------------------------------------------------------------------------
// API shapes (public fields only)

type ApiGroup = {
  id: string;
  slug: string;
  name: string;
  woonplaats: string;
  gemeente: string;
  gemeente_slug: string;
  gemeente_code: string | null;
  postcodes: string[];
  lat: number | null;
  lng: number | null;
  member_count: number;
  approved_at: string | null;
  updated_at?: string | null;
  distance_km?: number | null;
  covers_postcode?: boolean;
};

type ApiGroupList = {
  groups: ApiGroup[];
  count: number;
  limit: number;
  offset: number;
  origin?: { postcode: string; lat: number; lng: number; places: string[]; gemeente: string | null } | null;
};

type ApiMunicipality = {
  code: string | null;
  name: string;
  slug: string;
  province: string | null;
  lat: number | null;
  lng: number | null;
  group_count: number;
  places?: string[];
  postcodes?: string[];
  predecessors?: { name: string; slug: string }[];
};

// ---------------------------------------------------------------------------
// View models

export type GroupSummary = {
  slug: string;
  name: string;
  woonplaats: string;
  gemeente: string;
  gemeenteSlug: string;
  postcodes: string[];
  lat: number | null;
  lng: number | null;
  memberCount: number;
  /** "48 leden", "1 lid". */
  membersLabel: string;
  /** Only when searching by postcode: "1,4 km". */
  distanceLabel: string | null;
  /** The group names the searched postcode among its own. */
  coversPostcode: boolean;
};

export type GroupDetail = GroupSummary & {
  /** ISO date (YYYY-MM-DD) the group was approved, when known. */
  approvedOn: string | null;
  /** ISO date (YYYY-MM-DD) of the last change, for the sitemap. */
  updatedOn: string | null;
};

/** One marker on the overview map. */
export type MapPoint = { slug: string; name: string; woonplaats: string; lat: number; lng: number; members: number };

export type MunicipalitySummary = {
  name: string;
  slug: string;
  province: string | null;
  groupCount: number;
};

export type MunicipalityDetail = MunicipalitySummary & {
  places: string[];
  postcodes: string[];
  predecessors: { name: string; slug: string }[];
  lat: number | null;
  lng: number | null;
};

// ---------------------------------------------------------------------------
// Pure helpers (exported for tests)

const numberFormat = new Intl.NumberFormat("nl-NL");
const oneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const noDecimals = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });

/** Dutch distance: 1.36 → "1,4 km", 0.04 → "0,1 km", 9.96 → "10 km", 12.6 → "13 km", 1234 → "1.234 km". */
export function formatDistance(km: number): string {
  if (!Number.isFinite(km) || km < 0) return "";
  const tenths = Math.max(0.1, Math.round(km * 10) / 10);
  if (tenths < 10) return `${oneDecimal.format(tenths)} km`;
  return `${noDecimals.format(Math.round(km))} km`;
}

/** "1 lid", "48 leden", "1.024 leden". */
export function formatMembers(count: number): string {
  return count === 1 ? "1 lid" : `${numberFormat.format(count)} leden`;
}

/** "1 WhatsApp-groep", "12 WhatsApp-groepen", "Nog geen WhatsApp-groepen". */
export function formatGroupCount(count: number): string {
  if (count === 0) return "Nog geen WhatsApp-groepen";
  return count === 1 ? "1 WhatsApp-groep" : `${numberFormat.format(count)} WhatsApp-groepen`;
}

export type SearchQuery =
  | { kind: "none" }
  | { kind: "postcode"; /** As typed, tidied: "3511" or "3511 AB". */ display: string; pc4: string }
  | { kind: "text"; q: string };


/**
 * One search field for postcode, place or name: "3511", "3511AB" and "3511 ab" search by
 * postcode (nearest first), anything else by text.
 */
export function parseSearchQuery(raw: string | null | undefined): SearchQuery {
  const text = (raw ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  if (!text) return { kind: "none" };
  const postcode = /^([1-9][0-9]{3}) ?([a-zA-Z]{2})?$/.exec(text);
  if (postcode?.[1]) {
    const letters = postcode[2]?.toUpperCase();
    return { kind: "postcode", pc4: postcode[1], display: letters ? `${postcode[1]} ${letters}` : postcode[1] };
  }
  return { kind: "text", q: text };
}

/** Results per page of the group list. */
export const PAGE_SIZE = 20;

/** "?pagina=3" → 3; anything that is not a whole number from 1 → 1. */
export function parsePage(raw: string | null | undefined): number {
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export type Pagination = {
  page: number;
  pageCount: number;
  offset: number;
  /** 1-based number of the first and last result on this page (0 when there are none). */
  from: number;
  to: number;
  previousPage: number | null;
  nextPage: number | null;
  /** "Groep 21–40 van 184"; "Groep 7 van 7" for one; "" for none. */
  label: string;
};

/** Page numbers, offsets and the "Groep 21–40 van 184" label. */
export function paginate(count: number, page: number, pageSize = PAGE_SIZE): Pagination {
  const pageCount = Math.max(1, Math.ceil(count / pageSize));
  const offset = (page - 1) * pageSize;
  const from = count > offset ? offset + 1 : 0;
  const to = from ? Math.min(count, offset + pageSize) : 0;
  const label = !from ? "" : from === to ? `Groep ${numberFormat.format(from)} van ${numberFormat.format(count)}` : `Groep ${numberFormat.format(from)}–${numberFormat.format(to)} van ${numberFormat.format(count)}`;
  return {
    page,
    pageCount,
    offset,
    from,
    to,
    previousPage: page > 1 ? Math.min(page - 1, pageCount) : null,
    nextPage: page < pageCount ? page + 1 : null,
    label,
  };
}

const isoDate = (value: string | null | undefined) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/** Copies the public fields of a group; nothing else (see the privacy note above). */
export function toGroupSummary(group: ApiGroup): GroupSummary {
  const distance = typeof group.distance_km === "number" ? group.distance_km : null;
  return {
    slug: group.slug,
    name: group.name,
    woonplaats: group.woonplaats,
    gemeente: group.gemeente,
    gemeenteSlug: group.gemeente_slug,
    postcodes: [...(group.postcodes ?? [])],
    lat: typeof group.lat === "number" ? group.lat : null,
    lng: typeof group.lng === "number" ? group.lng : null,
    memberCount: group.member_count,
    membersLabel: formatMembers(group.member_count),
    distanceLabel: distance === null ? null : formatDistance(distance),
    coversPostcode: group.covers_postcode === true,
  };
}

export function toGroupDetail(group: ApiGroup): GroupDetail {
  return { ...toGroupSummary(group), approvedOn: isoDate(group.approved_at), updatedOn: isoDate(group.updated_at ?? group.approved_at) };
}

function toMunicipalitySummary(m: ApiMunicipality): MunicipalitySummary {
  return { name: m.name, slug: m.slug, province: m.province ?? null, groupCount: m.group_count };
}

// ---------------------------------------------------------------------------
// API errors of the forms

export type FormFailure =
  /** The backend refused fields: show them at the fields. */
  | { kind: "invalid"; errors: FieldErrors }
  /** Too many attempts from this address (429). */
  | { kind: "rate_limited"; message: string }
  /** The group does not exist (any more). */
  | { kind: "not_found" }
  /** The backend could not do it now (502/5xx, unreachable): keep the input, try later. */
  | { kind: "unavailable"; message: string };

export const RATE_LIMITED_MESSAGE = "Je hebt het al een paar keer geprobeerd. Wacht even en probeer het over een uur opnieuw.";
export const SEND_FAILED_MESSAGE = "Het versturen lukte nu niet. Je invoer staat er nog; probeer het over een paar minuten opnieuw.";

type FieldRule = [field: string, pattern: RegExp];

/** Which registration field a backend message is about (first match wins: order matters). */
export const REGISTRATION_MESSAGE_RULES: FieldRule[] = [
  ["name", /naam van je groep|buurtpreventiegroep .* aangemeld/i],
  ["accepted_rules", /gedragsregels/i],
  ["lat", /breedtegraad|lengtegraad|punt|ligt niet in nederland/i],
  ["postcodes", /postcode/i],
  ["gemeente", /gemeente/i],
  ["woonplaats", /woonplaats/i],
  ["member_count", /\bleden\b|\blid\b/i],
  ["admin_email", /e-?mail/i],
  ["admin_phone", /telefoon/i],
  ["admin_name", /naam/i],
];

/** Which contact-form field a backend message is about. */
export const CONTACT_MESSAGE_RULES: FieldRule[] = [
  ["email", /e-?mail/i],
  ["message", /bericht/i],
  ["name", /naam/i],
];

/** "Vul je naam in" → "Vul je naam in." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The js-sdk keeps only the `message` of an error body: the backend joins its field
 * messages with ". ". This splits them again and puts each at the field it names;
 * a sentence that names none continues the one before it, or goes under "_" (the form).
 */
export function messageToFieldErrors(message: string, rules: FieldRule[]): FieldErrors {
  const errors: FieldErrors = {};
  if (/uitnodigingslink/i.test(message)) return { _: INVITE_LINK_MESSAGE };
  const parts = message
    .split(/(?<=[a-z0-9")])\.\s+(?=[A-Z"])/)
    .map((part) => part.trim())
    .filter(Boolean);
  let previous: string | null = null;
  for (const part of parts) {
    const field: string = rules.find(([, pattern]) => pattern.test(part))?.[0] ?? previous ?? "_";
    errors[field] = errors[field] && field === previous ? `${errors[field]!.replace(/\.$/, "")}. ${sentence(part)}` : sentence(part);
    previous = field;
  }
  return Object.keys(errors).length ? errors : { _: SEND_FAILED_MESSAGE };
}

/** Turns an error from a form post into what the form shows. Rethrows programming errors. */
export function toFormFailure(error: unknown, rules: FieldRule[]): FormFailure {
  const cause = error instanceof BackendUnavailableError ? (error as { cause?: unknown }).cause : error;
  if (cause instanceof FetchError) {
    const message = cause.message ?? "";
    switch (cause.status) {
      case 400:
        return { kind: "invalid", errors: messageToFieldErrors(message, rules) };
      case 409:
        // A group with this name already covers one of these postcodes.
        return { kind: "invalid", errors: { name: sentence(message || "Deze groep is al aangemeld.") } };
      case 404:
        return { kind: "not_found" };
      case 429:
        return { kind: "rate_limited", message: message ? sentence(message) : RATE_LIMITED_MESSAGE };
      default:
        return { kind: "unavailable", message: SEND_FAILED_MESSAGE };
    }
  }
  if (error instanceof BackendUnavailableError) return { kind: "unavailable", message: SEND_FAILED_MESSAGE };
  throw error;
}

// ---------------------------------------------------------------------------
// Requests

/**
 * Headers for form posts: the backend rate-limits per visitor, so the visitor's address
 * (load context `clientIp`) is passed on, signed (client-address.server.ts).
 */
function forwardedFor(clientIp: string | null | undefined): Record<string, string> {
  return clientAddressHeaders(clientIp ?? undefined);
}

/** The visitor's IP from the Remix load context, when the HTTP server provides one. */
export function clientIpFrom(context: unknown): string | null {
  const ip = (context as { clientIp?: unknown } | null | undefined)?.clientIp;
  return typeof ip === "string" && ip.length <= 64 ? ip : null;
}

/**
 * Directory reads are cached briefly: a new or changed group shows within 15 seconds, and
 * the backend is not asked again for every page view. Keys come from visitors (searches,
 * slugs), so the cache is bounded: the oldest entry goes when it is full. Concurrent misses
 * for one key share a single backend call; failures are not cached.
 */
export function createBoundedCache({ freshMs, maxEntries, now = Date.now }: { freshMs: number; maxEntries: number; now?: () => number }) {
  const entries = new Map<string, { value: unknown; storedAt: number }>();
  const pending = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && now() - entry.storedAt < freshMs) return Promise.resolve(entry.value as T);
      const running = pending.get(key);
      if (running) return running as Promise<T>;
      const promise = load()
        .then((value) => {
          entries.delete(key);
          entries.set(key, { value, storedAt: now() });
          while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
          return value;
        })
        .finally(() => pending.delete(key));
      pending.set(key, promise);
      return promise;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

const directoryCache = createBoundedCache({ freshMs: 15_000, maxEntries: 2_000 });
const cachedRead = <T>(key: string, load: () => Promise<T>) => directoryCache.get(key, load);
/** Whole lists (every group for the map and sitemap, all municipalities): a minute. */
const listCache = createBoundedCache({ freshMs: 60_000, maxEntries: 10 });

/** Test hook: forget cached directory reads. */
export function resetDirectoryCache(): void {
  directoryCache.clear();
  listCache.clear();
}

const notFound = (error: unknown) => {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof FetchError && cause.status === 404;
};

export type GroupSearch = {
  groups: GroupSummary[];
  count: number;
  pagination: Pagination;
  /** When searching by postcode: the postcode's place(s), or null for a postcode nobody knows. */
  origin: { postcode: string; places: string[]; gemeente: string | null } | null;
};

/** The group list: by postcode (nearest first), by text, by municipality, or all (A–Z as the API sorts). */
export function searchGroups(options: { query: SearchQuery; page: number; gemeente?: string }): Promise<GroupSearch> {
  const { query, page, gemeente } = options;
  const offset = (page - 1) * PAGE_SIZE;
  const params: Record<string, string | number> = { limit: PAGE_SIZE, offset };
  if (query.kind === "postcode") params.postcode = query.pc4;
  if (query.kind === "text") params.q = query.q;
  if (gemeente) params.gemeente = gemeente;
  return cachedRead(`groups:${JSON.stringify(params)}`, async () => {
    const result = await callBackend("search groups", () => sdk.client.fetch<ApiGroupList>("/store/groups", { query: params }));
    return {
      groups: result.groups.map(toGroupSummary),
      count: result.count,
      pagination: paginate(result.count, page),
      origin: result.origin
        ? { postcode: result.origin.postcode, places: [...(result.origin.places ?? [])], gemeente: result.origin.gemeente ?? null }
        : null,
    };
  });
}

/** One approved group by slug; null when there is none. */
export function getGroup(slug: string): Promise<GroupDetail | null> {
  return cachedRead(`group:${slug}`, async () => {
    try {
      const { group } = await callBackend("retrieve group", () =>
        sdk.client.fetch<{ group: ApiGroup }>(`/store/groups/${encodeURIComponent(slug)}`),
      );
      return toGroupDetail(group);
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  });
}

const API_PAGE = 100;
/** Safety stop: 200 pages of 100 groups. */
const MAX_API_PAGES = 200;

/** Every approved group, paged through the API (the map and the sitemap). */
async function fetchAllGroups(): Promise<ApiGroup[]> {
  const page = (offset: number) =>
    callBackend("list groups", () => sdk.client.fetch<ApiGroupList>("/store/groups", { query: { limit: API_PAGE, offset } }));
  const first = await page(0);
  const pages = Math.min(MAX_API_PAGES, Math.ceil(first.count / API_PAGE));
  const rest: ApiGroup[][] = [];
  // A few requests at a time: the backend stays responsive for shoppers.
  for (let start = 1; start < pages; start += 4) {
    const batch = Array.from({ length: Math.min(4, pages - start) }, (_, i) => page((start + i) * API_PAGE));
    rest.push(...(await Promise.all(batch)).map((r) => r.groups));
  }
  return [first.groups, ...rest].flat();
}

/** Every approved group (cached like the other directory reads). */
const allGroups = () => listCache.get("all-groups", fetchAllGroups);

/** The overview map's markers: every approved group with a point. */
export async function listMapPoints(): Promise<MapPoint[]> {
  return (await allGroups())
    .filter((g) => typeof g.lat === "number" && typeof g.lng === "number")
    .map((g) => ({ slug: g.slug, name: g.name, woonplaats: g.woonplaats, lat: g.lat!, lng: g.lng!, members: g.member_count }));
}

/** Every approved group's path and last change, for sitemap.xml. */
export async function listGroupSitemapEntries(): Promise<{ path: string; lastmod: string | null }[]> {
  return (await allGroups()).map((g) => ({ path: `/groepen/${encodeURIComponent(g.slug)}`, lastmod: isoDate(g.updated_at ?? g.approved_at) }));
}

/** Municipalities with at least one approved group, A–Z. */
export function listMunicipalities(): Promise<MunicipalitySummary[]> {
  return listCache.get("municipalities", async () => {
    const { municipalities } = await callBackend("list municipalities", () =>
      sdk.client.fetch<{ municipalities: ApiMunicipality[] }>("/store/municipalities", {
        query: { with_groups: "true", limit: 500 },
      }),
    );
    return municipalities.map(toMunicipalitySummary);
  });
}

export type MunicipalityLookup =
  | { kind: "found"; municipality: MunicipalityDetail }
  /** Renamed or merged: the successor's slug. */
  | { kind: "moved"; slug: string }
  | { kind: "not_found" };

/** A municipality by slug; renamed and merged municipalities answer with their successor. */
export function getMunicipality(slug: string): Promise<MunicipalityLookup> {
  return cachedRead(`municipality:${slug}`, async (): Promise<MunicipalityLookup> => {
    try {
      const result = await callBackend("retrieve municipality", () =>
        sdk.client.fetch<{ municipality: ApiMunicipality; redirect_to: string | null }>(
          `/store/municipalities/${encodeURIComponent(slug)}`,
        ),
      );
      if (result.redirect_to && result.redirect_to !== slug) return { kind: "moved", slug: result.redirect_to };
      const m = result.municipality;
      return {
        kind: "found",
        municipality: {
          ...toMunicipalitySummary(m),
          places: [...(m.places ?? [])],
          postcodes: [...(m.postcodes ?? [])],
          predecessors: (m.predecessors ?? []).map((p) => ({ name: p.name, slug: p.slug })),
          lat: m.lat ?? null,
          lng: m.lng ?? null,
        },
      };
    } catch (error) {
      if (notFound(error)) return { kind: "not_found" };
      throw error;
    }
  });
}

export type Registered = { name: string; slug: string; message: string };

/** POST /store/groups: the new group waits for approval. Throws; see toFormFailure. */
export async function registerGroup(input: RegistrationInput, clientIp?: string | null): Promise<Registered> {
  const { website: _honeypot, gemeente, lat, lng, ...fields } = input;
  const body = {
    ...fields,
    ...(gemeente ? { gemeente } : {}),
    ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
  };
  const result = await callBackend("register group", () =>
    sdk.client.fetch<{ group: { name: string; slug: string; status: string }; message: string }>("/store/groups", {
      method: "POST",
      body,
      headers: forwardedFor(clientIp),
    }),
  );
  return { name: result.group.name, slug: result.group.slug, message: result.message };
}

/** POST /store/groups/<slug>/contact: the backend e-mails the admin (Reply-To: the sender). */
export async function contactGroupAdmin(slug: string, input: ContactInput, clientIp?: string | null): Promise<void> {
  const { website: _honeypot, ...sender } = input;
  await callBackend("contact group admin", () =>
    sdk.client.fetch<{ sent: boolean }>(`/store/groups/${encodeURIComponent(slug)}/contact`, {
      method: "POST",
      body: sender,
      headers: forwardedFor(clientIp),
    }),
  );
}

// ---------------------------------------------------------------------------
// Registration confirmation (post/redirect/get)

let registeredCookie: ReturnType<typeof createCookie> | undefined;

/** A short-lived signed cookie carries the new group's name to /groepen/aangemeld. */
function confirmationCookie() {
  const config = getConfig();
  registeredCookie ??= createCookie("__bp_aangemeld", {
    path: "/groepen",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    secrets: [config.sessionSecret],
    maxAge: 60 * 30,
  });
  return registeredCookie;
}

export function rememberRegistration(registered: Registered): Promise<string> {
  return confirmationCookie().serialize({ name: registered.name, message: registered.message });
}

export async function readRegistration(request: Request): Promise<{ name: string; message: string } | null> {
  const value = (await confirmationCookie().parse(request.headers.get("Cookie"))) as unknown;
  if (!value || typeof value !== "object") return null;
  const { name, message } = value as { name?: unknown; message?: unknown };
  return typeof name === "string" && typeof message === "string" ? { name, message } : null;
}

// ---------------------------------------------------------------------------
// Map and caching settings

export const DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers';

export type MapSettings = { tileUrl: string; attribution: string };

/**
 * The map's tile server (MAP_TILE_URL, an http(s) template with {z}, {x} and {y}) and its
 * credit line (MAP_TILE_ATTRIBUTION, HTML; default OpenStreetMap's). A bad value falls
 * back to OpenStreetMap with a warning: the map is an enhancement, never a reason to fail.
 */
export function parseMapSettings(env: Record<string, string | undefined>): MapSettings {
  const raw = env.MAP_TILE_URL?.trim();
  let tileUrl = DEFAULT_TILE_URL;
  if (raw) {
    if (/^https?:\/\/[^\s"'<>]+$/i.test(raw) && ["{z}", "{x}", "{y}"].every((part) => raw.includes(part))) tileUrl = raw;
    else console.warn(`Storefront: MAP_TILE_URL is not an http(s) tile template with {z}, {x} and {y} ("${raw}"): using OpenStreetMap`);
  }
  const attribution = env.MAP_TILE_ATTRIBUTION?.trim() || OSM_ATTRIBUTION;
  return { tileUrl, attribution };
}

let mapSettings: MapSettings | undefined;
export function getMapSettings(): MapSettings {
  mapSettings ??= parseMapSettings(process.env);
  return mapSettings;
}

/**
 * Directory pages may be kept for a minute. The layout shows the visitor's cart count
 * (session cookie), hence `Vary: Cookie`; a response that sets a cookie (a one-time
 * notice after a form post) is never stored.
 */
export function directoryCacheHeaders(headers: Headers): Record<string, string> {
  if (headers.has("Set-Cookie")) return { "Cache-Control": "private, no-store" };
  return { "Cache-Control": "public, max-age=60", Vary: "Cookie" };
}
