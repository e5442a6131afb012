// Not in app/routes: Remix would take a file there for a route.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type SeenRequest, stubBackend } from "~/test/backend-stub";
import { callRoute } from "~/test/request-context";

// Issue #30's pages, loader and action against a stubbed backend: what they send, and that the
// backend's Dutch refusals (per field, 403/404 sentences, 429) reach the form.
const dir = mkdtempSync(path.join(tmpdir(), "bp-admin-messages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  delete process.env.REDIS_URL;
  process.env.SESSION_DIR = dir;
  const { rereadConfig } = await import("~/lib/config.server");
  rereadConfig();
});
afterEach(() => vi.unstubAllGlobals());

const TOKEN = "jwt-admin";

/** A browser signed in as a group admin: its cookie. */
async function signedInCookie(): Promise<string> {
  const { getSession } = await import("~/lib/session/session.server");
  const session = await getSession(new Request("http://shop.test/"));
  session.set("customerToken", TOKEN);
  return (await session.commit())!.split(";")[0]!;
}

const apiGroup = (id: string, status = "approved", extra: Record<string, unknown> = {}) => ({
  id,
  name: `Groep ${id}`,
  slug: id,
  status,
  rejection_reason: null,
  woonplaats: "Utrecht",
  gemeente: "Utrecht",
  postcodes: ["3581"],
  lat: 52.09,
  lng: 5.12,
  member_count: 12,
  admin_name: "Bea",
  admin_email: "bea@example.nl",
  admin_messages_enabled: false,
  messaging_blocked: false,
  ...extra,
});

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };

/** The backend: /store/my-group lists `groups` (and the account's first name); other paths answer from `routes` (path → answer). */
function backend(groups: unknown[], routes: Record<string, Reply | ((request: SeenRequest) => Reply)>, account = { first_name: "Bea" }) {
  return stubBackend((request) => {
    if (request.path === "/store/my-group") return { body: { groups, account } };
    const answer = routes[`${request.method} ${request.path}`];
    if (!answer) return { status: 404, body: { type: "not_found", message: `no stub for ${request.method} ${request.path}` } };
    return typeof answer === "function" ? answer(request) : answer;
  });
}

async function post(url: string, fields: Record<string, string>) {
  return new Request(`http://shop.test${url}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: await signedInCookie() },
    body: new URLSearchParams(fields).toString(),
  });
}
const get = async (url: string) => new Request(`http://shop.test${url}`, { headers: { cookie: await signedInCookie() } });

type DataResult = { type?: string; data?: { errors?: Record<string, string>; values?: Record<string, string> }; init?: { status?: number; headers?: HeadersInit } | null };
const dataOf = (result: unknown) => result as DataResult;
const asResponse = (result: unknown) => result as Response;

describe("the setting on /mijn-groep", () => {
  it("posts enabled true for a ticked box and false for an unticked one (the box is then not sent), and redirects with a notice", async () => {
    const seen = backend([apiGroup("grp_a")], {
      "POST /store/my-group/groups/grp_a/messaging": (request) => ({ body: { admin_messages_enabled: (request.body as { enabled: boolean }).enabled } }),
    });
    const { action } = await import("~/routes/mijn-groep._index");
    const on = await callRoute(action, await post("/mijn-groep?index", { intent: "messaging", group_id: "grp_a", enabled: "ja" }));
    expect(asResponse(on.result).status).toBe(303);
    expect(asResponse(on.result).headers.get("location")).toBe("/mijn-groep");
    const off = await callRoute(action, await post("/mijn-groep?index", { intent: "messaging", group_id: "grp_a" }));
    expect(asResponse(off.result).status).toBe(303);
    const posts = seen.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.body)).toEqual([{ enabled: true }, { enabled: false }]);
    expect(posts[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("shows the backend's Dutch refusal for a group that is not approved, at that group", async () => {
    const refusal = "Alleen een goedgekeurde groep kan berichten van andere beheerders ontvangen.";
    backend([apiGroup("grp_p", "pending")], {
      "POST /store/my-group/groups/grp_p/messaging": { status: 403, body: { type: "not_allowed", message: refusal } },
    });
    const { action } = await import("~/routes/mijn-groep._index");
    const answer = dataOf((await callRoute(action, await post("/mijn-groep?index", { intent: "messaging", group_id: "grp_p", enabled: "ja" }))).result);
    expect(answer.init?.status).toBe(403);
    expect(answer.data?.errors?._).toBe(refusal);
    expect(answer.data?.values?.group_id).toBe("grp_p");
  });
});

describe("the messaging pages' group", () => {
  it("sends a visitor who is not signed in to the sign-in page and back", async () => {
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    const { result } = await callRoute(loader, new Request("http://shop.test/mijn-groep/buurgroepen?groep=grp_a"));
    expect(asResponse(result).status).toBe(303);
    expect(asResponse(result).headers.get("location")).toBe(`/inloggen?terug=${encodeURIComponent("/mijn-groep/buurgroepen?groep=grp_a")}`);
  });

  it("answers 404 for another admin's group or one that is not approved", async () => {
    backend([apiGroup("grp_a"), apiGroup("grp_p", "pending")], {});
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    for (const id of ["grp_other", "grp_p"]) {
      const { result } = await callRoute(loader, await get(`/mijn-groep/buurgroepen?groep=${id}`));
      expect(asResponse(result).status).toBe(404);
    }
  });
});

describe("/mijn-groep/buurgroepen", () => {
  it("asks 2 km by default and lists name, place, distance and reachability, nothing else", async () => {
    const seen = backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/nearby": {
        body: {
          km: 2,
          groups: [
            { id: "grp_b", slug: "b", name: "Groep B", woonplaats: "Utrecht", distance_km: 0.3, shares_postcode: true, adjacent: false, reachable: true, admin_email: "x@example.nl" },
            { id: "grp_c", slug: "c", name: "Groep C", woonplaats: "Zeist", distance_km: 1.76, shares_postcode: false, adjacent: false, reachable: false },
          ],
        },
      },
    });
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    const answer = dataOf((await callRoute(loader, await get("/mijn-groep/buurgroepen"))).result) as DataResult & {
      data: { km: number; nearby: { distanceLabel: string; reachable: boolean }[] };
    };
    expect(seen.find((r) => r.path.endsWith("/nearby"))?.query).toEqual({ km: "2" });
    expect(answer.data.km).toBe(2);
    expect(answer.data.nearby.map((g) => [g.distanceLabel, g.reachable])).toEqual([
      ["gedeelde postcode", true],
      ["1,8 km", false],
    ]);
    expect(JSON.stringify(answer.data)).not.toMatch(/x@example\.nl|bea@example\.nl/);
  });

  it("says why a group is listed and why one cannot be messaged: the admin's own other group is not 'switched off'", async () => {
    backend([apiGroup("grp_a"), apiGroup("grp_own")], {
      "GET /store/my-group/groups/grp_a/nearby": {
        body: {
          km: 1,
          groups: [
            { id: "grp_own", slug: "own", name: "Eigen", woonplaats: "Utrecht", distance_km: 0.9, shares_postcode: false, adjacent: true, postcode_km: 0, own_group: true, reachable: false },
            { id: "grp_d", slug: "d", name: "Groep D", woonplaats: "Utrecht", distance_km: 1.96, shares_postcode: false, adjacent: false, postcode_km: 0.91, own_group: false, reachable: false },
          ],
        },
      },
    });
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    const answer = dataOf((await callRoute(loader, await get("/mijn-groep/buurgroepen?groep=grp_a&km=1"))).result) as DataResult & {
      data: { nearby: { id: string; distanceLabel: string; ownGroup: boolean; reachable: boolean }[] };
    };
    expect(answer.data.nearby.map((g) => [g.id, g.distanceLabel, g.ownGroup])).toEqual([
      ["grp_own", "0,9 km", true],
      ["grp_d", "postcodegebied binnen 1 km, 2,0 km", false],
    ]);
  });

  it("passes a distance it does not know on, and shows the backend's Dutch answer", async () => {
    backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/nearby": { status: 400, body: { type: "invalid_data", message: "Kies 1, 2 of 5 km.", errors: { km: "Kies 1, 2 of 5 km." } } },
    });
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    const answer = dataOf((await callRoute(loader, await get("/mijn-groep/buurgroepen?km=3"))).result) as DataResult & { data: { error: string; km: null } };
    expect(answer.init?.status).toBe(400);
    expect(answer.data.error).toBe("Kies 1, 2 of 5 km.");
    expect(answer.data.km).toBeNull();
  });
});

describe("/mijn-groep/buurgroepen: whether a warning can reach anyone", () => {
  const near = (id: string, extra: Record<string, unknown>) => ({ id, slug: id, name: `Groep ${id}`, woonplaats: "Utrecht", distance_km: null, shares_postcode: false, adjacent: false, postcode_km: null, reachable: false, ...extra });
  type Page = { data: { reach: { state: string; km?: number; wantedEmpty?: boolean; count?: number } } };

  it("says no group receives messages at any distance when the widest answer has none reachable (no link to the form)", async () => {
    const seen = backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/nearby": (request) => ({ body: { km: Number(request.query.km), groups: [near("b", { shares_postcode: true }), near("c", { distance_km: 3 })] } }),
    });
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    const page = dataOf((await callRoute(loader, await get("/mijn-groep/buurgroepen?groep=grp_a"))).result) as unknown as Page;
    expect(page.data.reach).toEqual({ state: "none" });
    expect(seen.filter((r) => r.path.endsWith("/nearby")).map((r) => r.query.km)).toEqual(["2", "5"]);
  });

  it("offers the larger distance when only that reaches someone", async () => {
    backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/nearby": (request) => ({
        body: { km: Number(request.query.km), groups: request.query.km === "5" ? [near("b", { shares_postcode: true }), near("far", { distance_km: 4.1, reachable: true })] : [near("b", { shares_postcode: true })] },
      }),
    });
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    const page = dataOf((await callRoute(loader, await get("/mijn-groep/buurgroepen?groep=grp_a"))).result) as unknown as Page;
    expect(page.data.reach).toEqual({ state: "some", km: 5, wantedEmpty: true, count: 1 });
  });

  it("asks no more when the chosen distance reaches someone", async () => {
    const seen = backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/nearby": { body: { km: 2, groups: [near("b", { shares_postcode: true, reachable: true })] } },
    });
    const { loader } = await import("~/routes/mijn-groep.buurgroepen._index");
    const page = dataOf((await callRoute(loader, await get("/mijn-groep/buurgroepen?groep=grp_a"))).result) as unknown as Page;
    expect(page.data.reach).toEqual({ state: "some", km: 2, wantedEmpty: false, count: 1 });
    expect(seen.filter((r) => r.path.endsWith("/nearby"))).toHaveLength(1);
  });
});

describe("/mijn-groep/berichten", () => {
  const row = (over: Record<string, unknown>) => ({
    kind: "message",
    direction: "sent",
    other_group: { id: "grp_b", name: "Groep B", slug: "b" },
    sender_first_name: "Bea",
    body: "Hoi",
    reply_to_id: null,
    ...over,
  });

  const conversation = (over: Record<string, unknown>) => ({ kind: "message", other_group: { id: "grp_b", name: "Groep B", slug: "b" }, replies: 0, can_reply: false, ...over });

  it("lists the backend's conversations, 20 a page, with the number of replies and the groups a sent warning went to", async () => {
    const seen = backend([apiGroup("grp_a", "approved", { messaging_blocked: true })], {
      "GET /store/my-group/groups/grp_a/conversations": {
        body: {
          count: 45,
          limit: 20,
          offset: 20,
          conversations: [
            conversation({
              thread_id: "m1",
              replies: 1,
              can_reply: true,
              first: row({ id: "m1", thread_id: "m1", created_at: "2025-12-07T11:00:00Z" }),
              latest: row({ id: "m2", kind: "reply", direction: "received", sender_first_name: "Bram", thread_id: "m1", reply_to_id: "m1", created_at: "2026-12-07T12:00:00Z" }),
            }),
            conversation({
              thread_id: "w1",
              kind: "warning",
              other_group: null,
              first: row({
                id: "w1",
                kind: "warning",
                other_group: null,
                recipients: 2,
                recipient_groups: [
                  { id: "grp_b", name: "Groep B", slug: "b", woonplaats: "Utrecht" },
                  { id: "grp_c", name: "Groep C", slug: "c", woonplaats: "Zeist" },
                ],
                thread_id: "w1",
                created_at: "2026-12-06T11:00:00Z",
              }),
              latest: row({ id: "w1", kind: "warning", other_group: null, recipients: 2, thread_id: "w1", created_at: "2026-12-06T11:00:00Z" }),
            }),
          ],
        },
      },
    });
    const { loader } = await import("~/routes/mijn-groep.berichten._index");
    const page = (await callRoute(loader, await get("/mijn-groep/berichten?groep=grp_a&pagina=2"))).result as {
      group: { messagingBlocked: boolean };
      conversations: { title: string; replies: number; first: { id: string }; latest: { id: string }; canReply: boolean; recipientGroups: { name: string }[] }[];
      pagination: { label: string; previousPage: number | null; nextPage: number | null; pageCount: number };
    };
    expect(seen.find((r) => r.path.endsWith("/conversations"))!.query).toEqual({ limit: "20", offset: "20" });
    expect(page.group.messagingBlocked).toBe(true);
    expect(page.conversations.map((c) => [c.title, c.replies, c.first.id, c.latest.id, c.canReply])).toEqual([
      ["Gesprek met Groep B", 1, "m1", "m2", true],
      ["Waarschuwing aan 2 buurgroepen", 0, "w1", "w1", false],
    ]);
    expect(page.conversations[1]!.recipientGroups.map((g) => g.name)).toEqual(["Groep B", "Groep C"]);
    expect(page.pagination).toMatchObject({ label: "Gesprek 21–40 van 45", previousPage: 1, nextPage: 3, pageCount: 3 });
  });

  it("goes to the last page for a page past it (an old link)", async () => {
    backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/conversations": { body: { count: 21, limit: 20, offset: 80, conversations: [] } },
    });
    const { loader } = await import("~/routes/mijn-groep.berichten._index");
    const { result } = await callRoute(loader, await get("/mijn-groep/berichten?groep=grp_a&pagina=5"));
    expect(asResponse(result).status).toBe(302);
    expect(asResponse(result).headers.get("location")).toBe("/mijn-groep/berichten?groep=grp_a&pagina=2");
  });
});

describe("sending a message", () => {
  const url = "/mijn-groep/buurgroepen/grp_b/bericht?groep=grp_a";

  it("posts to_group_id, first name and text, and goes on to the new conversation", async () => {
    const seen = backend([apiGroup("grp_a")], {
      "POST /store/my-group/groups/grp_a/messages": { status: 201, body: { message: { id: "admmsg_9", kind: "message", created_at: "2026-12-07T10:00:00Z" } } },
    });
    const { action } = await import("~/routes/mijn-groep.buurgroepen.$groupId.bericht");
    const { result } = await callRoute(action, await post(url, { first_name: "Bea", message: "Hoi buren, zullen we samen borden bestellen?" }), { groupId: "grp_b" });
    expect(asResponse(result).headers.get("location")).toBe("/mijn-groep/berichten/admmsg_9?groep=grp_a");
    expect(seen.at(-1)!.body).toEqual({ to_group_id: "grp_b", first_name: "Bea", message: "Hoi buren, zullen we samen borden bestellen?" });
  });

  it("starts the form with the account's first name (stranger's walk), or empty when the backend has none", async () => {
    const nearby = {
      "GET /store/my-group/groups/grp_a/nearby": {
        body: { km: 5, groups: [{ id: "grp_b", slug: "b", name: "Groep B", woonplaats: "Utrecht", distance_km: 0.3, shares_postcode: false, adjacent: true, reachable: true }] },
      },
    };
    backend([apiGroup("grp_a")], nearby, { first_name: "Bea" });
    const { loader } = await import("~/routes/mijn-groep.buurgroepen.$groupId.bericht");
    const page = (await callRoute(loader, await get(url), { groupId: "grp_b" })).result as { firstName: string | null };
    expect(page.firstName).toBe("Bea");
    backend([apiGroup("grp_a")], nearby, { first_name: null } as never);
    expect(((await callRoute(loader, await get(url), { groupId: "grp_b" })).result as { firstName: string | null }).firstName).toBeNull();
    backend([apiGroup("grp_a")], { "GET /store/my-group/groups/grp_a/nearby": { body: { km: 1, groups: [] } } }, { first_name: "Bea" });
    const warn = await import("~/routes/mijn-groep.waarschuwen");
    expect(((await callRoute(warn.loader, await get("/mijn-groep/waarschuwen?groep=grp_a"))).result as { firstName: string }).firstName).toBe("Bea");
  });

  it("shows the backend's errors per field, its Dutch refusals and its rate limit", async () => {
    const answers: Reply[] = [
      { status: 400, body: { type: "invalid_data", message: "Controleer je bericht", errors: { first_name: "Vul je voornaam in", message: "Je bericht is te kort (minstens 10 tekens)" } } },
      { status: 403, body: { type: "not_allowed", message: "Deze groep kan geen berichten ontvangen." } },
      { status: 403, body: { type: "not_allowed", message: "Je kunt geen berichten meer sturen. Neem contact op met de winkel." } },
      { status: 404, body: { type: "not_found", message: "Deze groep kan geen berichten ontvangen." } },
      { status: 429, body: { type: "too_many_requests", message: "Je hebt vandaag al veel berichten gestuurd. Probeer het morgen opnieuw." }, headers: { "retry-after": "3600" } },
    ];
    backend([apiGroup("grp_a")], { "POST /store/my-group/groups/grp_a/messages": () => answers.shift()! });
    const { action } = await import("~/routes/mijn-groep.buurgroepen.$groupId.bericht");
    const send = async () => dataOf((await callRoute(action, await post(url, { first_name: "", message: "kort" }), { groupId: "grp_b" })).result);

    const fields = await send();
    expect(fields.init?.status).toBe(400);
    expect(fields.data?.errors).toEqual({ first_name: "Vul je voornaam in.", message: "Je bericht is te kort (minstens 10 tekens)." });
    expect(fields.data?.values).toEqual({ first_name: "", message: "kort" });
    expect((await send()).data?.errors?._).toBe("Deze groep kan geen berichten ontvangen.");
    expect((await send()).data?.errors?._).toBe("Je kunt geen berichten meer sturen. Neem contact op met de winkel.");
    const missing = await send();
    expect([missing.init?.status, missing.data?.errors?._]).toEqual([404, "Deze groep kan geen berichten ontvangen."]);
    const limited = await send();
    expect(limited.init?.status).toBe(429);
    expect(new Headers(limited.init?.headers).get("retry-after")).toBe("3600");
    expect(limited.data?.errors?._).toMatch(/Probeer het morgen opnieuw/);
  });
});

describe("a refusal about the receiving group (attacker's walk: the outage page answered)", () => {
  const url = "/mijn-groep/buurgroepen/grp_a2/bericht?groep=grp_a";
  const own = "Je kunt geen bericht sturen aan je eigen groep.";
  const far = "Je kunt alleen een bericht sturen aan groepen in de buurt van je eigen groep (zie Buurgroepen).";

  it("shows the backend's 400 about to_group_id (a field the form does not show) as the form's error, never as an outage", async () => {
    backend([apiGroup("grp_a"), apiGroup("grp_a2")], {
      "POST /store/my-group/groups/grp_a/messages": { status: 400, body: { type: "invalid_data", message: own, errors: { to_group_id: own } } },
      "GET /store/my-group/groups/grp_a/nearby": { body: { km: 5, groups: [] } },
    });
    const route = await import("~/routes/mijn-groep.buurgroepen.$groupId.bericht");
    const answer = dataOf((await callRoute(route.action, await post(url, { first_name: "Bea", message: "Hoi buren, zullen we samen borden bestellen?" }), { groupId: "grp_a2" })).result);
    expect(answer.init?.status).toBe(400);
    expect(answer.data?.errors).toEqual({ _: own });
    expect(answer.data?.values).toEqual({ first_name: "Bea", message: "Hoi buren, zullen we samen borden bestellen?" });
    // the page around the answer still loads (no outage page)
    const page = (await callRoute(route.loader, await get(url), { groupId: "grp_a2" })).result as { target: unknown };
    expect(page.target).toBeNull();
  });

  it("loads the page around a refused send when the nearby lookup fails (slow or refused): no outage page", async () => {
    for (const failure of [
      { status: 503, body: { type: "unexpected_state", message: "Service Unavailable" } },
      { status: 429, body: { type: "too_many_requests", message: "Te veel keer buurgroepen opgevraagd. Probeer het over 5 minuten opnieuw." }, headers: { "retry-after": "300" } },
    ]) {
      backend([apiGroup("grp_a"), apiGroup("grp_a2")], { "GET /store/my-group/groups/grp_a/nearby": failure });
      const route = await import("~/routes/mijn-groep.buurgroepen.$groupId.bericht");
      const page = (await callRoute(route.loader, await get(url), { groupId: "grp_a2" })).result as { target: unknown; nearbyUnavailable: boolean };
      expect(page).toMatchObject({ target: null, nearbyUnavailable: true });
    }
  });

  it("shows the 403 for a group that is not nearby as the form's error", async () => {
    backend([apiGroup("grp_a")], { "POST /store/my-group/groups/grp_a/messages": { status: 403, body: { type: "not_allowed", message: far } } });
    const { action } = await import("~/routes/mijn-groep.buurgroepen.$groupId.bericht");
    const answer = dataOf((await callRoute(action, await post("/mijn-groep/buurgroepen/grp_x/bericht?groep=grp_a", { first_name: "Bea", message: "Hoi buren, zullen we samen borden bestellen?" }), { groupId: "grp_x" })).result);
    expect([answer.init?.status, answer.data?.errors?._]).toEqual([403, far]);
  });
});

describe("a warning", () => {
  it("sends km as a number with the text, and says how many groups it reached", async () => {
    const seen = backend([apiGroup("grp_a")], { "POST /store/my-group/groups/grp_a/warnings": { status: 201, body: { sent_to: 3 } } });
    const { action } = await import("~/routes/mijn-groep.waarschuwen");
    const { result } = await callRoute(action, await post("/mijn-groep/waarschuwen?groep=grp_a", { km: "5", first_name: "Bea", message: "Inbraak in de Lindelaan vannacht." }));
    expect(asResponse(result).headers.get("location")).toBe("/mijn-groep/berichten?groep=grp_a");
    expect(seen.at(-1)!.body).toEqual({ km: 5, first_name: "Bea", message: "Inbraak in de Lindelaan vannacht." });
  });

  it("asks the nearby groups once, at 5 km, and counts each distance from that answer", async () => {
    const g = (id: string, extra: Record<string, unknown>) => ({ id, slug: id, name: id, woonplaats: "Utrecht", shares_postcode: false, adjacent: false, postcode_km: null, distance_km: null, reachable: true, ...extra });
    const seen = backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/nearby": {
        body: {
          km: 5,
          groups: [
            g("shared", { shares_postcode: true, distance_km: 0.2 }),
            g("border", { adjacent: true, postcode_km: 0, distance_km: 3.4 }),
            g("area", { postcode_km: 1.6, distance_km: 2.9 }),
            g("point", { distance_km: 4.2 }),
            g("off", { shares_postcode: true, reachable: false }),
          ],
        },
      },
    });
    const { loader } = await import("~/routes/mijn-groep.waarschuwen");
    const page = (await callRoute(loader, await get("/mijn-groep/waarschuwen?groep=grp_a"))).result as {
      counts: Record<number, number | null>;
      recipients: Record<number, { name: string; woonplaats: string }[]>;
      reach: unknown;
    };
    expect(page.counts).toEqual({ 1: 2, 2: 3, 5: 4 });
    // which groups, by name and place (stranger's walk: only a count)
    expect(page.recipients[1]!.map((r) => r.name)).toEqual(["shared", "border"]);
    expect(page.recipients[2]!.map((r) => r.name)).toEqual(["area"]);
    expect(page.recipients[5]).toEqual([{ id: "point", name: "point", woonplaats: "Utrecht" }]);
    expect(page.reach).toEqual({ state: "some", km: 2, wantedEmpty: false, count: 3 });
    const lookups = seen.filter((r) => r.path.endsWith("/nearby"));
    expect(lookups.map((r) => r.query.km)).toEqual(["5"]);
  });

  it("shows no form when no nearby group receives messages at any distance, and the larger distance when only that reaches someone", async () => {
    const g = (id: string, extra: Record<string, unknown>) => ({ id, slug: id, name: id, woonplaats: "Utrecht", shares_postcode: false, adjacent: false, postcode_km: null, distance_km: null, reachable: false, ...extra });
    backend([apiGroup("grp_a")], { "GET /store/my-group/groups/grp_a/nearby": { body: { km: 5, groups: [g("off", { shares_postcode: true })] } } });
    const { loader } = await import("~/routes/mijn-groep.waarschuwen");
    const none = (await callRoute(loader, await get("/mijn-groep/waarschuwen?groep=grp_a"))).result as { reach: unknown };
    expect(none.reach).toEqual({ state: "none" });
    backend([apiGroup("grp_a")], { "GET /store/my-group/groups/grp_a/nearby": { body: { km: 5, groups: [g("far", { distance_km: 4, reachable: true })] } } });
    const wider = (await callRoute(loader, await get("/mijn-groep/waarschuwen?groep=grp_a&km=1"))).result as { wanted: number; reach: unknown };
    expect(wider.wanted).toBe(1);
    expect(wider.reach).toEqual({ state: "some", km: 5, wantedEmpty: true, count: 1 });
  });

  it("keeps the form when the lookup fails: the backend decides when it is posted", async () => {
    backend([apiGroup("grp_a")], { "GET /store/my-group/groups/grp_a/nearby": { status: 500, body: { type: "unknown_error", message: "kapot" } } });
    const { loader } = await import("~/routes/mijn-groep.waarschuwen");
    const page = (await callRoute(loader, await get("/mijn-groep/waarschuwen?groep=grp_a"))).result as { reach: unknown; recipients: unknown };
    expect(page.reach).toEqual({ state: "unknown" });
    expect(page.recipients).toBeNull();
  });

  it("shows the backend's answer when no group can receive it", async () => {
    const refusal = "Er zijn geen buurgroepen die berichten ontvangen binnen 1 km.";
    backend([apiGroup("grp_a")], { "POST /store/my-group/groups/grp_a/warnings": { status: 400, body: { type: "invalid_data", message: refusal } } });
    const { action } = await import("~/routes/mijn-groep.waarschuwen");
    const answer = dataOf((await callRoute(action, await post("/mijn-groep/waarschuwen?groep=grp_a", { km: "1", first_name: "Bea", message: "Inbraak in de Lindelaan vannacht." }))).result);
    expect(answer.init?.status).toBe(400);
    expect(answer.data?.errors?._).toBe(refusal);
  });
});

describe("a conversation", () => {
  const thread = (groupId: string) => ({
    message: { id: "admmsg_1", kind: "message", direction: "received", other_group: { id: "grp_x", name: "Groep X", slug: "x" }, sender_first_name: "Anna", body: "Hoi Bea, hoe gaat het?", thread_id: "admmsg_1", reply_to_id: null, created_at: "2026-12-07T10:00:00Z" },
    thread: [
      { id: "admmsg_1", kind: "message", direction: "received", other_group: { id: "grp_x", name: "Groep X", slug: "x" }, sender_first_name: "Anna", body: "Hoi Bea, hoe gaat het?", thread_id: "admmsg_1", reply_to_id: null, created_at: "2026-12-07T10:00:00Z" },
    ],
    groupId,
  });

  it("finds which of the admin's groups received the mail's message (the link has no ?groep=)", async () => {
    const seen = backend([apiGroup("grp_a"), apiGroup("grp_b")], {
      "GET /store/my-group/groups/grp_a/messages/admmsg_1": { status: 404, body: { type: "not_found", message: "Bericht niet gevonden." } },
      "GET /store/my-group/groups/grp_b/messages/admmsg_1": { body: thread("grp_b") },
    });
    const { loader } = await import("~/routes/mijn-groep.berichten.$messageId");
    const { result } = await callRoute(loader, await get("/mijn-groep/berichten/admmsg_1"), { messageId: "admmsg_1" });
    const page = result as { group: { id: string }; replyTo: string | null; thread: { senderFirstName: string }[] };
    expect(page.group.id).toBe("grp_b");
    expect(page.replyTo).toBe("admmsg_1");
    expect(page.thread.map((m) => m.senderFirstName)).toEqual(["Anna"]);
    // the reply form starts with the account's first name
    expect((page as unknown as { firstName: string }).firstName).toBe("Bea");
    expect(seen.filter((r) => r.path.includes("/messages/")).map((r) => r.path)).toEqual([
      "/store/my-group/groups/grp_a/messages/admmsg_1",
      "/store/my-group/groups/grp_b/messages/admmsg_1",
    ]);
  });

  it("answers 404 when no group of the admin is a party (or the message was erased)", async () => {
    backend([apiGroup("grp_a")], {});
    const { loader } = await import("~/routes/mijn-groep.berichten.$messageId");
    const { result } = await callRoute(loader, await get("/mijn-groep/berichten/admmsg_gone"), { messageId: "admmsg_gone" });
    expect(asResponse(result).status).toBe(404);
  });

  it("posts a reply to the message it answers and comes back to the conversation, naming the group it went to", async () => {
    const seen = backend([apiGroup("grp_b")], {
      "GET /store/my-group/groups/grp_b/messages/admmsg_1": { body: thread("grp_b") },
      "POST /store/my-group/groups/grp_b/messages/admmsg_1/reply": { status: 201, body: { message: { id: "admmsg_2" } } },
    });
    const { action } = await import("~/routes/mijn-groep.berichten.$messageId");
    const { result, context } = await callRoute(action, await post("/mijn-groep/berichten/admmsg_1?groep=grp_b", { reply_to: "admmsg_1", first_name: "Bea", message: "Goed! Zullen we bellen?" }), {
      messageId: "admmsg_1",
    });
    const response = asResponse(result);
    expect(response.headers.get("location")).toBe("/mijn-groep/berichten/admmsg_1?groep=grp_b");
    expect(seen.at(-1)!.body).toEqual({ first_name: "Bea", message: "Goed! Zullen we bellen?" });
    // the notice names the group the answer went to
    const flashed = context.session;
    expect(JSON.stringify(flashed.get("notice"))).toContain("Je antwoord is verstuurd naar Groep X.");
  });
});

describe("a warning two groups answered (stranger's walk: the answer went silently to the newest only)", () => {
  const west = { id: "grp_w", name: "Groep West", slug: "w" };
  const zuid = { id: "grp_z", name: "Groep Zuid", slug: "z" };
  const msg = (over: Record<string, unknown>) => ({ kind: "reply", direction: "received", sender_first_name: "Wim", body: "Dank, we letten op.", thread_id: "w1", reply_to_id: "w1", recipients: null, ...over });
  const warning = msg({ id: "w1", kind: "warning", direction: "sent", other_group: null, recipients: 2, reply_to_id: null, body: "Vannacht ingebroken.", created_at: "2026-12-07T21:10:00Z" });
  const answers = {
    message: warning,
    thread: [
      warning,
      msg({ id: "r_w", other_group: west, created_at: "2026-12-07T21:12:00Z" }),
      msg({ id: "r_z", other_group: zuid, sender_first_name: "Zoë", created_at: "2026-12-07T21:14:00Z" }),
    ],
  };

  it("offers each group that answered, the newest first and chosen, and names the page after its heading", async () => {
    backend([apiGroup("grp_a")], { "GET /store/my-group/groups/grp_a/messages/w1": { body: answers } });
    const { loader, meta } = await import("~/routes/mijn-groep.berichten.$messageId");
    const { result } = await callRoute(loader, await get("/mijn-groep/berichten/w1?groep=grp_a"), { messageId: "w1" });
    const page = result as { choices: { messageId: string; groupName: string }[]; replyTo: string; title: string };
    expect(page.choices).toEqual([
      { messageId: "r_z", groupName: "Groep Zuid" },
      { messageId: "r_w", groupName: "Groep West" },
    ]);
    expect(page.replyTo).toBe("r_z");
    expect(page.title).toBe("Waarschuwing aan 2 buurgroepen");
    // an address naming the older group's reply (the list links to the newest message there was): still the newest group
    backend([apiGroup("grp_a")], { "GET /store/my-group/groups/grp_a/messages/r_w": { body: { ...answers, message: answers.thread[1] } } });
    const older = (await callRoute(loader, await get("/mijn-groep/berichten/r_w?groep=grp_a"), { messageId: "r_w" })).result as typeof page;
    expect(older.replyTo).toBe("r_z");
    const tags = (meta as (args: unknown) => { title?: string }[])({ data: page });
    expect(tags[0]!.title).toMatch(/^Waarschuwing aan 2 buurgroepen \| /);
  });

  it("sends the answer to the group chosen, and only to it", async () => {
    const seen = backend([apiGroup("grp_a")], {
      "GET /store/my-group/groups/grp_a/messages/w1": { body: answers },
      "POST /store/my-group/groups/grp_a/messages/r_w/reply": { status: 201, body: { message: { id: "a1" } } },
    });
    const { action } = await import("~/routes/mijn-groep.berichten.$messageId");
    const { result } = await callRoute(action, await post("/mijn-groep/berichten/w1?groep=grp_a", { reply_to: "r_w", first_name: "Anna", message: "Dank jullie, fijn." }), { messageId: "w1" });
    expect(asResponse(result).status).toBe(303);
    expect(seen.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/store/my-group/groups/grp_a/messages/r_w/reply"]);
  });

  it("refuses a reply_to that is not offered (a message the group sent, another thread's, none), sends nothing and keeps the text", async () => {
    const seen = backend([apiGroup("grp_a")], { "GET /store/my-group/groups/grp_a/messages/w1": { body: answers } });
    const { action } = await import("~/routes/mijn-groep.berichten.$messageId");
    for (const replyTo of ["w1", "admmsg_elsewhere", ""]) {
      const answer = dataOf((await callRoute(action, await post("/mijn-groep/berichten/w1?groep=grp_a", { reply_to: replyTo, first_name: "Anna", message: "Dank jullie, fijn." }), { messageId: "w1" })).result);
      expect(answer.init?.status).toBe(400);
      expect(answer.data?.errors).toEqual({ reply_to: "Kies aan welke groep je antwoord gaat." });
      expect(answer.data?.values).toMatchObject({ first_name: "Anna", message: "Dank jullie, fijn." });
    }
    expect(seen.filter((r) => r.method === "POST")).toEqual([]);
  });
});

describe("/berichten/melden/:token", () => {
  it("shows which message the link reports: sending group, first name, date and text, no address (stranger's walk)", async () => {
    const seen = stubBackend(() => ({
      body: {
        message: {
          kind: "warning",
          from_group: { name: "Buurtpreventie Oost", woonplaats: "Utrecht" },
          sender_first_name: "Anna",
          body: "Inbraak in de Lindelaan.",
          created_at: "2026-12-07T13:05:00.000Z",
          admin_email: "anna@example.nl",
        },
      },
    }));
    const { loader } = await import("~/routes/berichten.melden.$token");
    const { result } = await callRoute(loader, new Request("http://shop.test/berichten/melden/tok123"), { token: "tok123" });
    const page = result as { message: Record<string, unknown>; earlier: string | null; missing: null };
    expect(seen[0]).toMatchObject({ method: "GET", path: "/store/admin-messages/report/tok123" });
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(page.message).toEqual({
      kind: "warning",
      kindLabel: "Waarschuwing",
      fromLabel: "Anna, van Buurtpreventie Oost (Utrecht)",
      body: "Inbraak in de Lindelaan.",
      createdAt: "2026-12-07T13:05:00.000Z",
      createdLabel: "7 december 2026, 14:05",
    });
    expect(page.earlier).toBeNull();
    expect(JSON.stringify(page)).not.toContain("anna@example.nl");
  });

  it("says when the message was reported before, so the form adds to that report (stranger's walk: a second report was dropped)", async () => {
    stubBackend(() => ({
      body: {
        message: { kind: "message", from_group: null, sender_first_name: "Anna", body: "Opdoeken!", created_at: "2026-12-06T13:05:00.000Z" },
        report: { created_at: "2026-12-07T08:00:00.000Z" },
      },
    }));
    const { loader } = await import("~/routes/berichten.melden.$token");
    const { result } = await callRoute(loader, new Request("http://shop.test/berichten/melden/tok123"), { token: "tok123" });
    expect((result as { earlier: string | null }).earlier).toBe("Je hebt dit bericht al gemeld op 7 december 2026. Wil je nog iets toevoegen?");
  });

  it("lands on the thanks that says the addition arrived when the post added to an earlier report", async () => {
    stubBackend(() => ({ body: { reported: true, added: true } }));
    const { action } = await import("~/routes/berichten.melden.$token");
    const request = new Request("http://shop.test/berichten/melden/tok123", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ reason: "En dreigt ook" }).toString(),
    });
    const { result } = await callRoute(action, request, { token: "tok123" });
    expect(asResponse(result).headers.get("location")).toBe("/berichten/gemeld?aangevuld=1");
  });

  it("says an unknown or erased link's sentence with 404, and offers no form", async () => {
    stubBackend(() => ({ status: 404, body: { type: "not_found", message: "Deze meldlink is onbekend of het bericht is verwijderd." } }));
    const { loader } = await import("~/routes/berichten.melden.$token");
    const answer = dataOf((await callRoute(loader, new Request("http://shop.test/berichten/melden/weg"), { token: "weg" })).result) as DataResult & {
      data: { message: null; missing: string };
    };
    expect(answer.init?.status).toBe(404);
    // notFound: the page explains and links on (home, contact) instead of the form (stranger's walk: a dead end)
    expect(answer.data).toEqual({ message: null, earlier: null, missing: "Deze meldlink is onbekend of het bericht is verwijderd.", notFound: true, tooMany: false });
  });

  it("says the backend's rate limit on looking links up as a 429 with Retry-After, and offers no form", async () => {
    stubBackend(() => ({
      status: 429,
      headers: { "retry-after": "1800" },
      body: { type: "too_many_requests", message: "Te veel meldlinks geopend. Probeer het over 30 minuten opnieuw." },
    }));
    const { loader, headers } = await import("~/routes/berichten.melden.$token");
    const answer = dataOf((await callRoute(loader, new Request("http://shop.test/berichten/melden/tok123"), { token: "tok123" })).result) as DataResult & {
      data: { message: null; missing: string };
    };
    expect(answer.init?.status).toBe(429);
    expect(new Headers(answer.init?.headers).get("Retry-After")).toBe("1800");
    expect(answer.data).toEqual({ message: null, earlier: null, missing: "Te veel meldlinks geopend. Probeer het over 30 minuten opnieuw.", notFound: false, tooMany: true });
    const pageHeaders = (headers as (args: unknown) => Headers)({ loaderHeaders: new Headers({ "Retry-After": "1800" }), actionHeaders: new Headers() });
    expect(pageHeaders.get("Retry-After")).toBe("1800");
  });

  it("posts the token and the reason without a login, then thanks", async () => {
    const seen = stubBackend(() => ({ body: { reported: true, added: false } }));
    const { action } = await import("~/routes/berichten.melden.$token");
    const request = new Request("http://shop.test/berichten/melden/tok123", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ reason: "Reclame" }).toString(),
    });
    const { result } = await callRoute(action, request, { token: "tok123" });
    expect(asResponse(result).headers.get("location")).toBe("/berichten/gemeld");
    expect(seen[0]).toMatchObject({ method: "POST", path: "/store/admin-messages/report", body: { token: "tok123", reason: "Reclame" } });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it("leaves an empty reason out and shows the backend's Dutch answer for an unknown token", async () => {
    const seen = stubBackend(() => ({ status: 404, body: { type: "not_found", message: "Deze meldlink klopt niet (meer)." } }));
    const { action } = await import("~/routes/berichten.melden.$token");
    const request = new Request("http://shop.test/berichten/melden/onbekend", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ reason: "  " }).toString(),
    });
    const answer = dataOf((await callRoute(action, request, { token: "onbekend" })).result);
    expect(seen[0]!.body).toEqual({ token: "onbekend" });
    expect([answer.init?.status, answer.data?.errors?._]).toEqual([404, "Deze meldlink klopt niet (meer)."]);
  });

  it("says a refused token for the whole form (there is no token field to link to)", async () => {
    const incomplete = "Deze meldlink is onvolledig. Open de link uit de e-mail opnieuw.";
    stubBackend(() => ({ status: 400, body: { type: "invalid_data", message: incomplete, errors: { token: incomplete, reason: "Je toelichting mag hoogstens 1000 tekens lang zijn" } } }));
    const { action } = await import("~/routes/berichten.melden.$token");
    const request = new Request("http://shop.test/berichten/melden/kort", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ reason: "x".repeat(1001) }).toString(),
    });
    const answer = dataOf((await callRoute(action, request, { token: "kort" })).result);
    expect(answer.init?.status).toBe(400);
    expect(answer.data?.errors).toEqual({ _: incomplete, reason: "Je toelichting mag hoogstens 1000 tekens lang zijn." });
  });
});
