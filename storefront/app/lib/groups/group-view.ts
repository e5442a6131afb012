/**
 * The group directory's view models and their Dutch formatting: what the pages show of
 * the store API's groups and municipalities. Pure and client-safe; the requests live in
 * groups.server.ts.
 *
 * Privacy: the API never returns an admin's name, e-mail or phone number, and the mappers
 * below copy only the public fields they name, so nothing else can reach a page.
 */
import { formatNumber } from "../format";
import { parsePostcode } from "../address/postcode";

/** Longest search text the directory's API accepts (backend: StoreGetGroupsParams). */
export const MAX_QUERY_LENGTH = 100;

// ---------------------------------------------------------------------------
// API shapes (public fields only)

export type ApiGroup = {
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
  /** Only on GET /store/groups/:slug: signs in the orders for this group. */
  signs_ordered?: number;
  /** Only on GET /store/groups/:slug: stickers in the orders for this group. */
  stickers_ordered?: number;
};

export type ApiGroupList = {
  groups: ApiGroup[];
  count: number;
  limit: number;
  offset: number;
  origin?: { postcode: string; lat: number; lng: number; places: string[]; gemeente: string | null } | null;
};

export type ApiMunicipality = {
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

/** Where a group is in moderation (the backend's `status`). */
export type GroupStatus = "pending" | "approved" | "rejected" | "archived";

/** The one set of Dutch words for a group's status. */
export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  pending: "Wacht op beoordeling",
  approved: "Staat op de kaart",
  rejected: "Afgewezen",
  archived: "Gearchiveerd",
};

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
  /** Signs in the orders placed for this group (0 when unknown). */
  signsOrdered: number;
  stickersOrdered: number;
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
  return count === 1 ? "1 lid" : `${formatNumber(count)} leden`;
}

/** "1 WhatsApp-groep", "12 WhatsApp-groepen", "Nog geen WhatsApp-groepen". */
export function formatGroupCount(count: number): string {
  if (count === 0) return "Nog geen WhatsApp-groepen";
  return count === 1 ? "1 WhatsApp-groep" : `${formatNumber(count)} WhatsApp-groepen`;
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
  const postcode = parsePostcode(text);
  if (postcode) {
    return { kind: "postcode", pc4: postcode.pc4, display: postcode.letters ? `${postcode.pc4} ${postcode.letters}` : postcode.pc4 };
  }
  return { kind: "text", q: text };
}

/** Results per page of the group list. */
export const PAGE_SIZE = 20;

/** "?pagina=3" → 3; anything that is not a whole number from 1 → 1. */
export function parsePage(raw: string | null | undefined): number {
  const page = Number(raw);
  // A whole number past the last page is one (the routes then redirect to the last page), however
  // large; the cap keeps the offset asked of the backend bounded.
  return Number.isInteger(page) && page >= 1 ? Math.min(page, 100_000) : 1;
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

/** Page numbers, offsets and the "Groep 21–40 van 184" label (`noun`: "Gesprek 21–40 van 45" elsewhere). */
export function paginate(count: number, page: number, pageSize = PAGE_SIZE, noun = "Groep"): Pagination {
  const pageCount = Math.max(1, Math.ceil(count / pageSize));
  const offset = (page - 1) * pageSize;
  const from = count > offset ? offset + 1 : 0;
  const to = from ? Math.min(count, offset + pageSize) : 0;
  const label = !from ? "" : from === to ? `${noun} ${formatNumber(from)} van ${formatNumber(count)}` : `${noun} ${formatNumber(from)}–${formatNumber(to)} van ${formatNumber(count)}`;
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

export const isoDate = (value: string | null | undefined) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

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
  const signs = Number(group.signs_ordered ?? 0);
  return {
    ...toGroupSummary(group),
    approvedOn: isoDate(group.approved_at),
    updatedOn: isoDate(group.updated_at ?? group.approved_at),
    signsOrdered: Number.isFinite(signs) ? signs : 0,
    stickersOrdered: Number.isFinite(Number(group.stickers_ordered)) ? Number(group.stickers_ordered ?? 0) : 0,
  };
}

export function toMunicipalitySummary(m: ApiMunicipality): MunicipalitySummary {
  return { name: m.name, slug: m.slug, province: m.province ?? null, groupCount: m.group_count };
}

