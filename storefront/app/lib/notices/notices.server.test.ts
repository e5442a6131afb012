import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";
import { refusalOf } from "~/test/refusal";

const {
  amsterdamDay,
  amsterdamTime,
  createAuthorNotice,
  defaultNoticePeriod,
  getAreaNotices,
  getMunicipalityNames,
  getNoticeAuthorOverview,
  parseDay,
  parseNoticeForm,
  signInNoticeAuthor,
  toNoticeViews,
  withdrawAuthorNotice,
  AUTHOR_WRONG_LOGIN_MESSAGE,
} = await import("./notices.server");
const { AreaNotices } = await import("~/components/groups/AreaNotices");

const DAY = 24 * 60 * 60 * 1000;
const apiNotice = (overrides: Record<string, unknown> = {}) => ({
  id: "anotc_1",
  title: "Let op: insluipingen",
  body: "Sluit ramen en deuren.\nBel 112 bij spoed.",
  author_label: "Wijkagent Utrecht-Oost",
  starts_at: new Date(Date.now() - DAY).toISOString(),
  ends_at: new Date(Date.now() + DAY).toISOString(),
  ...overrides,
});

afterEach(() => vi.unstubAllGlobals());

describe("toNoticeViews", () => {
  it("copies the public fields and writes the dates in Dutch", () => {
    const [view] = toNoticeViews(
      [{ ...apiNotice({ starts_at: "2026-11-25T09:00:00Z", ends_at: "2026-12-02T09:00:00Z" }), created_by: "user_1" } as any],
      new Date("2026-11-26T00:00:00Z"),
    );
    expect(view).toEqual({
      id: "anotc_1",
      title: "Let op: insluipingen",
      body: "Sluit ramen en deuren.\nBel 112 bij spoed.",
      authorLabel: "Wijkagent Utrecht-Oost",
      startsAt: "2026-11-25T09:00:00Z",
      endsAt: "2026-12-02T09:00:00Z",
      startsLabel: "25 november 2026",
      endsLabel: "2 december 2026",
    });
  });

  it("drops notices that ended (or have not started) since they were cached", () => {
    const now = new Date("2026-11-26T00:00:00Z");
    expect(toNoticeViews([apiNotice({ starts_at: "2026-11-20T00:00:00Z", ends_at: "2026-11-25T00:00:00Z" })], now)).toEqual([]);
    expect(toNoticeViews([apiNotice({ starts_at: "2026-11-27T00:00:00Z", ends_at: "2026-11-29T00:00:00Z" })], now)).toEqual([]);
  });
});

describe("getAreaNotices", () => {
  it("fetches the group's notices from the store API", async () => {
    const seen = stubBackend(() => ({ body: { notices: [apiNotice()] } }));
    const notices = await getAreaNotices("lombok-utrecht");
    expect(seen[0]).toMatchObject({ method: "GET", path: "/store/groups/lombok-utrecht/notices" });
    expect(notices.map((n) => n.title)).toEqual(["Let op: insluipingen"]);
  });

  it("shows none for an unknown group or a failing backend", async () => {
    stubBackend((r) => (r.path.includes("bestaat-niet") ? { status: 404, body: { message: "Groep niet gevonden" } } : { status: 500, body: { message: "boom" } }));
    expect(await getAreaNotices("bestaat-niet")).toEqual([]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await getAreaNotices("kapot")).toEqual([]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe("AreaNotices", () => {
  it("renders a labelled region with each notice as text, or nothing without notices", () => {
    const views = toNoticeViews([apiNotice({ title: "<b>Let op</b>" })]);
    const html = renderToStaticMarkup(createElement(AreaNotices, { notices: views }));
    expect(html).toContain('<section aria-labelledby="area-notices-heading"');
    expect(html).toContain('<h2 id="area-notices-heading"');
    expect(html).toContain("Meldingen in deze buurt");
    expect(html).toContain("&lt;b&gt;Let op&lt;/b&gt;");
    expect(html).toContain("Wijkagent Utrecht-Oost · geldig van <time");
    expect(renderToStaticMarkup(createElement(AreaNotices, { notices: [] }))).toBe("");
  });
});

describe("wijkagent/municipality accounts", () => {
  const respond = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("signs in through Medusa's emailpass route for actor type notice_author", async () => {
    const fetchSpy = vi.fn().mockResolvedValueOnce(respond(200, { token: "jwt" })).mockResolvedValueOnce(respond(401, { message: "Invalid" }));
    vi.stubGlobal("fetch", fetchSpy);
    expect(await signInNoticeAuthor(" Agent@Politie.example ", "geheim-wachtwoord")).toBe("jwt");
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe("http://backend.test/auth/notice_author/emailpass");
    expect(JSON.parse(init.body)).toEqual({ email: "agent@politie.example", password: "geheim-wachtwoord" });
    expect(init.headers["x-publishable-api-key"]).toBe("pk_test");
    expect(await refusalOf(signInNoticeAuthor("agent@politie.example", "fout"))).toMatchObject({ errors: { _: AUTHOR_WRONG_LOGIN_MESSAGE }, status: 401, retryAfter: null });
    vi.unstubAllGlobals();
  });

  it("reads the overview with the bearer token and passes field errors through", async () => {
    const fetchSpy = vi
      .fn()
      .mockResolvedValueOnce(respond(200, { author: { name: "Jan", email: "jan@politie.example", organisation: "Wijkagent Oost", municipality_codes: ["0344"] }, notices: [{ ...apiNotice(), status: "current", delivery_count: 3, municipality_codes: ["0344"], postcodes: [] }] }))
      .mockResolvedValueOnce(respond(401, {}))
      .mockResolvedValueOnce(respond(400, { type: "invalid_data", message: "x", errors: { municipality_codes: "Je kunt alleen meldingen plaatsen voor je eigen gemeenten (niet voor 0363)" } }));
    vi.stubGlobal("fetch", fetchSpy);
    const overview = await getNoticeAuthorOverview("jwt");
    expect(fetchSpy.mock.calls[0]![1].headers.authorization).toBe("Bearer jwt");
    if (!overview || overview === "disabled") throw new Error("expected an overview");
    expect(overview.author.organisation).toBe("Wijkagent Oost");
    expect(overview.notices[0]).toMatchObject({ status: "current", deliveryCount: 3, title: "Let op: insluipingen" });
    expect(await getNoticeAuthorOverview("verlopen")).toBeNull();
    expect(await refusalOf(createAuthorNotice("jwt", { title: "T", body: "B", municipality_codes: "0363", ends_at: "2099-01-01", starts_at: "" }))).toMatchObject({
      status: 400,
      errors: { municipality_codes: "Je kunt alleen meldingen plaatsen voor je eigen gemeenten (niet voor 0363)." },
    });
    expect(JSON.parse(fetchSpy.mock.calls[2]![1].body)).toEqual({ title: "T", body: "B", municipality_codes: "0363", ends_at: "2099-01-01" });
    vi.unstubAllGlobals();
  });
});

describe("the notice form", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  };

  it("reads days from a date input or as typed in Dutch, and refuses days that do not exist", () => {
    expect(parseDay("2026-11-25")).toEqual({ y: 2026, m: 11, d: 25 });
    expect(parseDay(" 5-1-2027 ")).toEqual({ y: 2027, m: 1, d: 5 });
    expect(parseDay("25/11/2026")).toEqual({ y: 2026, m: 11, d: 25 });
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("morgen")).toBeNull();
    expect(parseDay("2026")).toBeNull();
  });

  it("turns Amsterdam wall-clock times into instants, in winter and summer time", () => {
    expect(amsterdamTime(2026, 11, 25).toISOString()).toBe("2026-11-24T23:00:00.000Z");
    expect(amsterdamTime(2026, 7, 1, 23, 59, 59).toISOString()).toBe("2026-07-01T21:59:59.000Z");
    // the day summer time starts (2:00 → 3:00)
    expect(amsterdamTime(2026, 3, 29).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(amsterdamTime(2026, 3, 29, 23, 59, 59).toISOString()).toBe("2026-03-29T21:59:59.000Z");
    expect(amsterdamDay(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
  });

  it("defaults to today until two weeks later (Amsterdam days)", () => {
    expect(defaultNoticePeriod(new Date("2026-11-25T10:00:00Z"))).toEqual({ startsOn: "2026-11-25", endsOn: "2026-12-09" });
    expect(defaultNoticePeriod(new Date("2026-12-24T23:30:00Z"))).toEqual({ startsOn: "2026-12-25", endsOn: "2027-01-08" });
  });

  it("maps the form to the API: first day from its start, last day until its end", () => {
    const parsed = parseNoticeForm(
      form([
        ["title", "Let op: insluipingen"],
        ["body", "Sluit ramen en deuren."],
        ["municipality_codes", "0344"],
        ["municipality_codes", "0307"],
        ["municipality_codes", "0344"],
        ["postcodes", " 3581, 3582 "],
        ["starts_at", "2026-11-25"],
        ["ends_at", "9-12-2026"],
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      values: {
        title: "Let op: insluipingen",
        body: "Sluit ramen en deuren.",
        municipalityCodes: ["0344", "0307"],
        postcodes: " 3581, 3582 ",
        startsOn: "2026-11-25",
        endsOn: "9-12-2026",
      },
      input: {
        title: "Let op: insluipingen",
        body: "Sluit ramen en deuren.",
        municipality_codes: ["0344", "0307"],
        postcodes: "3581, 3582",
        starts_at: "2026-11-24T23:00:00.000Z",
        ends_at: "2026-12-09T22:59:59.000Z",
      },
    });
  });

  it("leaves the start to the backend (now) when it is empty, and every other rule too", () => {
    const parsed = parseNoticeForm(form([["ends_at", "2026-12-09"]]));
    expect(parsed.ok && parsed.input).toEqual({ title: "", body: "", municipality_codes: [], postcodes: "", starts_at: undefined, ends_at: "2026-12-09T22:59:59.000Z" });
  });

  it("refuses a missing or impossible day with a Dutch message per field, keeping what was typed", () => {
    const parsed = parseNoticeForm(form([["title", "Let op"], ["starts_at", "31-02-2026"], ["ends_at", ""]]));
    expect(parsed).toMatchObject({
      ok: false,
      values: { title: "Let op", startsOn: "31-02-2026", endsOn: "" },
      errors: { starts_at: "Vul een geldige begindatum in, bijvoorbeeld 25-11-2026", ends_at: "Vul een einddatum in" },
    });
    expect(parseNoticeForm(form([["ends_at", "volgende week"]]))).toMatchObject({ ok: false, errors: { ends_at: /geldige einddatum/ } });
  });
});

describe("getMunicipalityNames", () => {
  it("maps CBS codes to names (the account holds codes only)", async () => {
    const seen = stubBackend(() => ({ body: { municipalities: [{ code: "0344", name: "Utrecht" }, { code: null, name: "Onbekend" }] } }));
    expect(await getMunicipalityNames()).toEqual({ "0344": "Utrecht" });
    expect(seen[0]).toMatchObject({ path: "/store/municipalities", query: { limit: "500" } });
  });
});

describe("a switched-off account", () => {
  it("is told apart from an expired token", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(new Response(JSON.stringify({ type: "not_allowed", message: "Dit account mag geen meldingen meer plaatsen" }), { status: 400 })));
    expect(await getNoticeAuthorOverview("jwt")).toBe("disabled");
    vi.unstubAllGlobals();
  });
});

describe("createAuthorNotice", () => {
  it("answers the backend's message for a switched-off account, and a Dutch one for a server error", async () => {
    const respond = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    vi.stubGlobal(
      "fetch",
      vi
        .fn()
        .mockResolvedValueOnce(respond(400, { type: "not_allowed", message: "Dit account mag geen meldingen meer plaatsen" }))
        .mockResolvedValueOnce(respond(500, { type: "unknown_error", message: "An unknown error occurred." })),
    );
    const input = { title: "T", body: "B", municipality_codes: ["0344"], ends_at: "2099-01-01T00:00:00Z" };
    expect(await refusalOf(createAuthorNotice("jwt", input))).toMatchObject({ status: 400, errors: { _: "Dit account mag geen meldingen meer plaatsen." } });
    expect(await refusalOf(createAuthorNotice("jwt", input))).toMatchObject({ status: 503, errors: { _: "Het lukt nu niet om meldingen te verwerken. Probeer het later opnieuw." } });
    vi.unstubAllGlobals();
  });
});

describe("withdrawAuthorNotice", () => {
  it("posts to the notice's withdraw route and passes the backend's Dutch message on", async () => {
    const respond = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    const fetchSpy = vi
      .fn()
      .mockResolvedValueOnce(respond(200, { notice: { id: "anotc_1", status: "withdrawn" } }))
      .mockResolvedValueOnce(respond(404, { type: "not_found", message: 'Melding "anotc_2" niet gevonden' }))
      .mockResolvedValueOnce(respond(401, { message: "Unauthorized" }))
      .mockResolvedValueOnce(respond(500, { message: "An unknown error occurred." }));
    vi.stubGlobal("fetch", fetchSpy);
    await expect(withdrawAuthorNotice("jwt", "anotc_1")).resolves.toBeUndefined();
    expect(String(fetchSpy.mock.calls[0]![0])).toBe("http://backend.test/store/notices/author/notices/anotc_1/withdraw");
    expect(fetchSpy.mock.calls[0]![1]).toMatchObject({ method: "POST", headers: { authorization: "Bearer jwt" } });
    expect(await refusalOf(withdrawAuthorNotice("jwt", "anotc_2"))).toMatchObject({ status: 404, message: "Dit bestaat niet (meer)." });
    expect(await refusalOf(withdrawAuthorNotice("verlopen", "anotc_1"))).toMatchObject({ status: 401 });
    expect(await refusalOf(withdrawAuthorNotice("jwt", "anotc_1"))).toMatchObject({ status: 503, message: "Het lukt nu niet om meldingen te verwerken. Probeer het later opnieuw." });
    vi.unstubAllGlobals();
  });
});
