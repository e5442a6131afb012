import { FetchError } from "@medusajs/js-sdk";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

const fetchMock = vi.fn();
vi.mock("./medusa.server", () => ({ sdk: { client: { fetch: fetchMock } } }));
vi.mock("./config.server", () => ({ getConfig: () => ({ backendUrl: "http://backend.test/", publishableKey: "pk_test" }) }));

const { createAuthorNotice, getAreaNotices, getNoticeAuthorOverview, signInNoticeAuthor, toNoticeViews, AUTHOR_WRONG_LOGIN_MESSAGE } = await import("./notices.server");
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

beforeEach(() => fetchMock.mockReset());

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
    fetchMock.mockResolvedValueOnce({ notices: [apiNotice()] });
    const notices = await getAreaNotices("lombok-utrecht");
    expect(fetchMock).toHaveBeenCalledWith("/store/groups/lombok-utrecht/notices");
    expect(notices.map((n) => n.title)).toEqual(["Let op: insluipingen"]);
  });

  it("shows none for an unknown group or a failing backend", async () => {
    fetchMock.mockRejectedValueOnce(new FetchError("Groep niet gevonden", "Not Found", 404));
    expect(await getAreaNotices("bestaat-niet")).toEqual([]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    fetchMock.mockRejectedValueOnce(new FetchError("boom", "Internal Server Error", 500));
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
    expect(await signInNoticeAuthor(" Agent@Politie.example ", "geheim-wachtwoord")).toEqual({ ok: true, token: "jwt" });
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(url).toBe("http://backend.test/auth/notice_author/emailpass");
    expect(JSON.parse(init.body)).toEqual({ email: "agent@politie.example", password: "geheim-wachtwoord" });
    expect(init.headers["x-publishable-api-key"]).toBe("pk_test");
    expect(await signInNoticeAuthor("agent@politie.example", "fout")).toEqual({ ok: false, message: AUTHOR_WRONG_LOGIN_MESSAGE });
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
    expect(overview?.author.organisation).toBe("Wijkagent Oost");
    expect(overview?.notices[0]).toMatchObject({ status: "current", deliveryCount: 3, title: "Let op: insluipingen" });
    expect(await getNoticeAuthorOverview("verlopen")).toBeNull();
    expect(await createAuthorNotice("jwt", { title: "T", body: "B", municipality_codes: "0363", ends_at: "2099-01-01", starts_at: "" })).toEqual({
      ok: false,
      status: 400,
      errors: { municipality_codes: "Je kunt alleen meldingen plaatsen voor je eigen gemeenten (niet voor 0363)" },
    });
    expect(JSON.parse(fetchSpy.mock.calls[2]![1].body)).toEqual({ title: "T", body: "B", municipality_codes: "0363", ends_at: "2099-01-01" });
    vi.unstubAllGlobals();
  });
});
