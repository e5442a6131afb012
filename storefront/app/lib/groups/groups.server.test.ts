import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";
import { createBoundedCache } from "../cache.server";
import { DEFAULT_TILE_URL, OSM_ATTRIBUTION, parseMapSettings, rereadConfig } from "../config.server";
import { formatDistance, formatGroupCount, formatMembers, paginate, parsePage, parseSearchQuery } from "./group-view";
import { directoryCacheHeaders } from "../request/headers";

const { BackendUnavailableError } = await import("../backend/backend.server");
const { contactGroupAdmin, getGroup, getMunicipality, listMapPoints, registerGroup, resetDirectoryCache, searchGroups } = await import(
  "./groups.server"
);

/** A group as the store API sends it; `extra` simulates fields the storefront must never pass on. */
function apiGroup(overrides: Record<string, unknown> = {}) {
  return {
    id: "nbgrp_1",
    slug: "buurtalert-berkenhof-leiden",
    name: "Buurtalert Berkenhof",
    woonplaats: "Leiden",
    gemeente: "Leiden",
    gemeente_slug: "leiden",
    gemeente_code: "0546",
    postcodes: ["2314"],
    lat: 52.16489,
    lng: 4.50007,
    member_count: 154,
    approved_at: "2026-11-25T14:53:39.118Z",
    updated_at: "2026-11-26T10:00:00.000Z",
    ...overrides,
  };
}

beforeEach(() => {
  resetDirectoryCache();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("parseSearchQuery: one field for postcode, place or name", () => {
  it("detects a PC4 or a full postcode, with or without space and in any case", () => {
    expect(parseSearchQuery("3511")).toEqual({ kind: "postcode", pc4: "3511", display: "3511" });
    expect(parseSearchQuery(" 3511 ab ")).toEqual({ kind: "postcode", pc4: "3511", display: "3511 AB" });
    expect(parseSearchQuery("3511AB")).toEqual({ kind: "postcode", pc4: "3511", display: "3511 AB" });
    expect(parseSearchQuery("3511   AB")).toEqual({ kind: "postcode", pc4: "3511", display: "3511 AB" });
  });

  it("treats everything else as text", () => {
    expect(parseSearchQuery("Utrecht")).toEqual({ kind: "text", q: "Utrecht" });
    expect(parseSearchQuery("Buurtalert  Berkenhof")).toEqual({ kind: "text", q: "Buurtalert Berkenhof" });
    expect(parseSearchQuery("3511 Utrecht")).toEqual({ kind: "text", q: "3511 Utrecht" });
    // Dutch postcodes never start with 0, and have four digits.
    expect(parseSearchQuery("0123")).toEqual({ kind: "text", q: "0123" });
    expect(parseSearchQuery("351")).toEqual({ kind: "text", q: "351" });
    expect(parseSearchQuery("35111")).toEqual({ kind: "text", q: "35111" });
  });

  it("ignores an empty search and cuts very long text to what the API accepts", () => {
    expect(parseSearchQuery("")).toEqual({ kind: "none" });
    expect(parseSearchQuery("   ")).toEqual({ kind: "none" });
    expect(parseSearchQuery(null)).toEqual({ kind: "none" });
    const long = parseSearchQuery("a".repeat(150));
    expect(long.kind === "text" && long.q.length).toBe(100);
  });
});

describe("pagination", () => {
  it("reads the page number from the URL, falling back to 1", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage("1")).toBe(1);
    for (const bad of [null, "", "0", "-2", "1.5", "abc"]) expect(parsePage(bad)).toBe(1);
  });

  it("reads a whole number past any real page as the last one it allows (the routes redirect to the last page)", () => {
    for (const huge of ["100001", "1e9", "99999999999999999999"]) expect(parsePage(huge)).toBe(100_000);
  });

  it("says which groups a page shows: Groep 21–40 van 184", () => {
    expect(paginate(184, 2)).toEqual({
      page: 2,
      pageCount: 10,
      offset: 20,
      from: 21,
      to: 40,
      previousPage: 1,
      nextPage: 3,
      label: "Groep 21–40 van 184",
    });
    expect(paginate(184, 1)).toMatchObject({ from: 1, to: 20, previousPage: null, nextPage: 2, label: "Groep 1–20 van 184" });
    expect(paginate(184, 10)).toMatchObject({ from: 181, to: 184, previousPage: 9, nextPage: null, label: "Groep 181–184 van 184" });
  });

  it("handles one result, none, thousands and a page past the end", () => {
    expect(paginate(1, 1)).toMatchObject({ pageCount: 1, label: "Groep 1 van 1", nextPage: null });
    expect(paginate(0, 1)).toMatchObject({ pageCount: 1, from: 0, to: 0, label: "", previousPage: null, nextPage: null });
    expect(paginate(1234, 2).label).toBe("Groep 21–40 van 1.234");
    expect(paginate(40, 5)).toMatchObject({ from: 0, label: "", previousPage: 2, nextPage: null });
  });
});

describe("Dutch formatting", () => {
  it("writes distances with a decimal comma, one decimal below 10 km", () => {
    expect(formatDistance(1.36)).toBe("1,4 km");
    expect(formatDistance(1.4)).toBe("1,4 km");
    expect(formatDistance(2.96)).toBe("3,0 km");
    expect(formatDistance(0.04)).toBe("0,1 km");
    expect(formatDistance(0)).toBe("0,1 km");
    expect(formatDistance(9.96)).toBe("10 km");
    expect(formatDistance(12.6)).toBe("13 km");
    expect(formatDistance(1234.4)).toBe("1.234 km");
    expect(formatDistance(Number.NaN)).toBe("");
  });

  it("counts members and groups in words", () => {
    expect(formatMembers(1)).toBe("1 lid");
    expect(formatMembers(48)).toBe("48 leden");
    expect(formatMembers(1024)).toBe("1.024 leden");
    expect(formatGroupCount(0)).toBe("Nog geen WhatsApp-groepen");
    expect(formatGroupCount(1)).toBe("1 WhatsApp-groep");
    expect(formatGroupCount(12)).toBe("12 WhatsApp-groepen");
  });
});

describe("directory reads", () => {
  it("searches by postcode (nearest first) and passes only public fields on", async () => {
    const seen = stubBackend(() => ({
      body: {
        groups: [
          apiGroup({ distance_km: 1.36, covers_postcode: true, admin_email: "beheerder@example.nl", admin_phone: "+31600000000" }),
        ],
        count: 184,
        limit: 20,
        offset: 20,
        origin: { postcode: "2314", lat: 52.1, lng: 4.5, places: ["Leiden"], gemeente: "Leiden" },
      },
    }));
    const result = await searchGroups({ query: parseSearchQuery("2314 AB"), page: 2 });
    expect(seen[0]).toMatchObject({ path: "/store/groups", query: { limit: "20", offset: "20", postcode: "2314" } });
    expect(seen[0]!.headers["x-publishable-api-key"]).toBe("pk_test");
    expect(result.pagination.label).toBe("Groep 21–40 van 184");
    expect(result.origin).toEqual({ postcode: "2314", places: ["Leiden"], gemeente: "Leiden" });
    const [group] = result.groups;
    expect(group).toMatchObject({ slug: "buurtalert-berkenhof-leiden", distanceLabel: "1,4 km", coversPostcode: true, membersLabel: "154 leden" });
    expect(JSON.stringify(result)).not.toMatch(/beheerder@example\.nl|\+31600000000|admin/);
  });

  it("searches by text and by municipality", async () => {
    const seen = stubBackend(() => ({ body: { groups: [], count: 0, limit: 20, offset: 0 } }));
    await searchGroups({ query: parseSearchQuery("Berkenhof"), page: 1 });
    expect(seen.at(-1)!.query).toEqual({ limit: "20", offset: "0", q: "Berkenhof" });
    await searchGroups({ query: { kind: "none" }, page: 1, gemeente: "leiden" });
    expect(seen.at(-1)!.query).toEqual({ limit: "20", offset: "0", gemeente: "leiden" });
  });

  it("reads one group with its signs, null for an unknown group, and fails clearly when the backend is down", async () => {
    stubBackend((r) =>
      r.path.endsWith("/x")
        ? { status: 404, body: { type: "not_found", message: 'Groep "x" niet gevonden' } }
        : r.path.endsWith("/y")
          ? new TypeError("fetch failed")
          : { body: { group: apiGroup({ signs_ordered: 3 }) } },
    );
    await expect(getGroup("x")).resolves.toBeNull();
    await expect(getGroup("y")).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(getGroup("buurtalert-berkenhof-leiden")).resolves.toMatchObject({ signsOrdered: 3, approvedOn: "2026-11-25" });
  });

  it("pages through every group for the map and skips groups without a point", async () => {
    const seen = stubBackend((r) => {
      const offset = Number(r.query.offset);
      return {
        body: {
          groups:
            offset === 200
              ? [apiGroup({ slug: "zonder-punt", lat: null, lng: null }), apiGroup({ slug: "laatste" })]
              : Array.from({ length: 100 }, (_, i) => apiGroup({ slug: `g-${offset + i}` })),
          count: 202,
          limit: 100,
          offset,
        },
      };
    });
    const points = await listMapPoints();
    expect(seen).toHaveLength(3);
    expect(points).toHaveLength(201);
    expect(points.at(-1)).toEqual({ slug: "laatste", name: "Buurtalert Berkenhof", woonplaats: "Leiden", lat: 52.16489, lng: 4.50007, members: 154 });
  });

  it("follows a renamed or merged municipality to its successor", async () => {
    stubBackend((r) =>
      r.path.endsWith("/zuidhorn")
        ? {
            body: {
              municipality: { code: "1969", name: "Westerkwartier", slug: "westerkwartier", province: "Groningen", lat: 53.2, lng: 6.4, group_count: 3 },
              redirect_to: "westerkwartier",
            },
          }
        : { status: 404, body: { message: "niet gevonden" } },
    );
    await expect(getMunicipality("zuidhorn")).resolves.toEqual({ kind: "moved", slug: "westerkwartier" });
    await expect(getMunicipality("nergens")).resolves.toEqual({ kind: "not_found" });
  });

  it("sends another spelling of a municipality's address to its one address (the attacker walk: 'LEIDEN', 'lēiden', ' leiden' each rendered a preview)", async () => {
    const leiden = { code: "0546", name: "Leiden", slug: "leiden", province: "Zuid-Holland", lat: 52.16, lng: 4.49, group_count: 5 };
    stubBackend(() => ({ body: { municipality: leiden, redirect_to: null } }));
    for (const spelling of ["LEIDEN", "l\u0113iden", " leiden", "leiden-"]) {
      await expect(getMunicipality(spelling)).resolves.toEqual({ kind: "moved", slug: "leiden" });
    }
    await expect(getMunicipality("leiden")).resolves.toMatchObject({ kind: "found", municipality: { slug: "leiden" } });
  });
});

describe("form posts: what the visitor typed goes to the backend, which judges it", () => {
  it("registers a group with the typed fields only, empty ones left out, and the visitor's signed address", async () => {
    const seen = stubBackend(() => ({ status: 201, body: { registration: { status: "unconfirmed" }, message: "Bijna klaar!" } }));
    const typed = {
      name: "WABP Linde",
      woonplaats: "Utrecht",
      gemeente: "",
      postcodes: "3511, 3512 AB",
      member_count: "12",
      lat: "",
      lng: "",
      admin_name: "Jan",
      admin_email: "jan@example.nl",
      admin_phone: "06 12345678",
      accepted_rules: "on",
    };
    process.env.CLIENT_IP_SECRET = "s".repeat(64);
    rereadConfig();
    await expect(registerGroup(typed, "203.0.113.9")).resolves.toEqual({ message: "Bijna klaar!" });
    delete process.env.CLIENT_IP_SECRET;
    rereadConfig();
    expect(seen[0]).toMatchObject({ method: "POST", path: "/store/groups" });
    // the visitor's address, signed for the backend (a bare X-Forwarded-For would be ignored there)
    expect(seen[0]!.headers["x-bp-client-address"]).toMatch(/^203\.0\.113\.9 \d+ [0-9a-f]{64}$/);
    expect(seen[0]!.body).toEqual({
      name: "WABP Linde",
      woonplaats: "Utrecht",
      postcodes: "3511, 3512 AB",
      member_count: "12",
      admin_name: "Jan",
      admin_email: "jan@example.nl",
      admin_phone: "06 12345678",
      accepted_rules: "on",
    });
  });

  it("relays a contact message to the group's own route", async () => {
    const seen = stubBackend(() => ({ body: { sent: true } }));
    await contactGroupAdmin("buurtalert-berkenhof-leiden", { name: "Piet", email: "piet@example.nl", message: "Mag ik erbij?" });
    expect(seen[0]).toMatchObject({
      method: "POST",
      path: "/store/groups/buurtalert-berkenhof-leiden/contact",
      body: { name: "Piet", email: "piet@example.nl", message: "Mag ik erbij?" },
    });
    expect(seen[0]!.headers["x-bp-client-address"]).toBeUndefined();
  });
});

describe("map and cache settings", () => {
  it("uses OpenStreetMap unless MAP_TILE_URL is a valid tile template", () => {
    expect(parseMapSettings({})).toEqual({ tileUrl: DEFAULT_TILE_URL, attribution: OSM_ATTRIBUTION });
    expect(parseMapSettings({ MAP_TILE_URL: "https://tiles.example.nl/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "© Voorbeeld" })).toEqual({
      tileUrl: "https://tiles.example.nl/{z}/{x}/{y}.png",
      attribution: "© Voorbeeld",
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(parseMapSettings({ MAP_TILE_URL: "javascript:alert(1)//{z}{x}{y}" }).tileUrl).toBe(DEFAULT_TILE_URL);
    expect(parseMapSettings({ MAP_TILE_URL: "https://tiles.example.nl/tile.png" }).tileUrl).toBe(DEFAULT_TILE_URL);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it("lets caches keep directory pages for a minute, never a response that sets a cookie", () => {
    expect(directoryCacheHeaders(new Headers())).toEqual({ "Cache-Control": "public, max-age=60", Vary: "Cookie" });
    expect(directoryCacheHeaders(new Headers({ "Set-Cookie": "__bp=1" }))).toEqual({ "Cache-Control": "private, no-store" });
  });
});

describe("createBoundedCache", () => {
  it("keeps values fresh for a while, shares concurrent loads and forgets failures", async () => {
    let clock = 0;
    const cache = createBoundedCache({ freshMs: 1000, maxEntries: 10, now: () => clock });
    const load = vi.fn().mockResolvedValue("a");
    await Promise.all([cache.get("k", load), cache.get("k", load)]);
    await cache.get("k", load);
    expect(load).toHaveBeenCalledTimes(1);
    clock = 1500;
    await cache.get("k", load);
    expect(load).toHaveBeenCalledTimes(2);
    const failing = vi.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValueOnce("b");
    await expect(cache.get("f", failing)).rejects.toThrow("down");
    await expect(cache.get("f", failing)).resolves.toBe("b");
  });

  it("drops the oldest entries when full, so visitors' searches cannot fill the memory", async () => {
    const cache = createBoundedCache({ freshMs: 60_000, maxEntries: 3 });
    for (const key of ["a", "b", "c", "d", "e"]) await cache.get(key, async () => key);
    expect(cache.size).toBe(3);
    const reload = vi.fn().mockResolvedValue("again");
    await cache.get("a", reload);
    await cache.get("e", reload);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
