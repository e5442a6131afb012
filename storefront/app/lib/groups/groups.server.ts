/**
 * The group directory's requests: search, group and municipality pages, the map's
 * points, registering a group and writing to a group's admin. Everything goes to the
 * store API (backend/src/api/store/groups/**, …/municipalities/**) through the one
 * backend client; what the pages show of the answers is in group-view.ts.
 */
import { backendFetch, failureStatus } from "../backend/backend.server";
import { createBoundedCache } from "../cache.server";
import { typedFields } from "../form-errors";
import { CONTACT_FIELDS, type ContactForm, REGISTRATION_FIELDS, type RegistrationForm } from "./group-forms";
import {
  type ApiGroup,
  type ApiGroupList,
  type ApiMunicipality,
  type GroupDetail,
  type GroupSummary,
  isoDate,
  type MapPoint,
  type MunicipalityDetail,
  type MunicipalitySummary,
  PAGE_SIZE,
  paginate,
  type Pagination,
  type SearchQuery,
  toGroupDetail,
  toGroupSummary,
  toMunicipalitySummary,
} from "./group-view";

/** The visitor's IP from the Remix load context, when the HTTP server provides one. */
export function clientIpFrom(context: unknown): string | null {
  const ip = (context as { clientIp?: unknown } | null | undefined)?.clientIp;
  return typeof ip === "string" && ip.length <= 64 ? ip : null;
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

/** Runs a read whose 404 means "there is none". */
async function unlessNotFound<T, F>(read: () => Promise<T>, none: F): Promise<T | F> {
  try {
    return await read();
  } catch (error) {
    if (failureStatus(error) === 404) return none;
    throw error;
  }
}

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
    const result = await backendFetch<ApiGroupList>("/store/groups", { query: params });
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

/** One approved group by slug, with the signs ordered for it; null when there is none. */
export function getGroup(slug: string): Promise<GroupDetail | null> {
  return cachedRead(`group:${slug}`, () =>
    unlessNotFound(async () => {
      const { group } = await backendFetch<{ group: ApiGroup }>(`/store/groups/${encodeURIComponent(slug)}`);
      return toGroupDetail(group);
    }, null),
  );
}

const API_PAGE = 100;
/** Safety stop: 200 pages of 100 groups. */
const MAX_API_PAGES = 200;

/** Every approved group, paged through the API (the map and the sitemap). */
async function fetchAllGroups(): Promise<ApiGroup[]> {
  const page = (offset: number) =>
    backendFetch<ApiGroupList>("/store/groups", { query: { limit: API_PAGE, offset } });
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
    const { municipalities } = await backendFetch<{ municipalities: ApiMunicipality[] }>("/store/municipalities", {
      query: { with_groups: "true", limit: 500 },
    });
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
  return cachedRead(`municipality:${slug}`, () =>
    unlessNotFound(async (): Promise<MunicipalityLookup> => {
      const result = await backendFetch<{ municipality: ApiMunicipality; redirect_to: string | null }>(
        `/store/municipalities/${encodeURIComponent(slug)}`,
      );
      if (result.redirect_to && result.redirect_to !== slug) return { kind: "moved", slug: result.redirect_to };
      const m = result.municipality;
      // The backend also finds "LEIDEN", "lēiden" or " leiden": one address per municipality
      // (pages redirect, preview images 404), so spellings are not endless cache keys.
      if (m.slug && m.slug !== slug) return { kind: "moved", slug: m.slug };
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
    }, { kind: "not_found" } as const),
  );
}

/** What the registrant is told: the same for every accepted registration (no slug, nothing about other groups). */
export type Registered = { message: string };

/**
 * POST /store/groups: the registration waits until its admin confirms the e-mail address
 * (the link in the mail leads to /groepen/bevestigen). The backend judges every field and
 * answers per field in Dutch; throws, see toBackendFailure.
 */
export async function registerGroup(values: RegistrationForm, clientIp?: string | null): Promise<Registered> {
  const result = await backendFetch<{ message: string }>("/store/groups", {
    method: "POST",
    body: typedFields(values, REGISTRATION_FIELDS),
    clientIp,
  });
  return { message: result.message };
}

/** The backend's code for a confirmation link that is unknown, expired or incomplete. */
export const REGISTRATION_LINK_INVALID = "registration_link_invalid";

/**
 * POST /store/groups/registrations/confirm: the token from the confirmation mail. Resolves
 * for a first and a repeated confirmation; throws otherwise (410 with
 * REGISTRATION_LINK_INVALID for a dead link), see toBackendFailure.
 */
export async function confirmRegistration(token: string): Promise<{ message: string; alreadyConfirmed: boolean }> {
  const result = await backendFetch<{ confirmed: boolean; already_confirmed?: boolean; message: string }>(
    "/store/groups/registrations/confirm",
    { method: "POST", body: { token } },
  );
  return { message: result.message, alreadyConfirmed: Boolean(result.already_confirmed) };
}

/** POST /store/groups/<slug>/contact: the backend e-mails the admin (Reply-To: the sender). */
export async function contactGroupAdmin(slug: string, values: ContactForm, clientIp?: string | null): Promise<void> {
  await backendFetch<{ sent: boolean }>(`/store/groups/${encodeURIComponent(slug)}/contact`, {
    method: "POST",
    body: typedFields(values, CONTACT_FIELDS),
    clientIp,
  });
}
