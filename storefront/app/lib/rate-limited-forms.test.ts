// Not in app/routes: Remix would take a file there for a route.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";
import { callRoute } from "~/test/request-context";

// Issue 24, second look: when the backend refuses with 429 ("te veel pogingen"), the page answers
// 429 too, with the backend's Retry-After, on every form the backend rate-limits.
// the real request context, its sessions in a temporary folder
const dir = mkdtempSync(path.join(tmpdir(), "bp-rate-limited-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  delete process.env.REDIS_URL;
  process.env.SESSION_DIR = dir;
  const { rereadConfig } = await import("~/lib/config.server");
  rereadConfig();
});

const TOO_MANY = "Te veel pogingen. Probeer het over 10 minuten opnieuw.";

afterEach(() => vi.unstubAllGlobals());

/** Every backend call is refused with 429 and Retry-After: 600. */
function backendRefusesAll() {
  return stubBackend(() => ({ status: 429, body: { type: "too_many_requests", message: TOO_MANY }, headers: { "retry-after": "600" } }));
}

const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://shop.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

type DataResult = { type?: string; data?: { errors?: Record<string, string> }; init?: { status?: number; headers?: HeadersInit } | null };

function expectTooMany(result: unknown) {
  const answer = result as DataResult;
  expect(answer.init?.status).toBe(429);
  expect(new Headers(answer.init?.headers ?? {}).get("retry-after")).toBe("600");
  expect(JSON.stringify(answer.data)).toContain("Te veel pogingen");
}

describe("a rate-limited form answers 429 with Retry-After", () => {
  it("sign-in (/inloggen)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/inloggen");
    expectTooMany((await callRoute(action, post("/inloggen", { email: "a@example.nl", password: "een wachtwoord" }), {})).result);
  });

  it("password reset (/wachtwoord-vergeten)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/wachtwoord-vergeten");
    expectTooMany((await callRoute(action, post("/wachtwoord-vergeten", { email: "a@example.nl" }), {})).result);
  });

  it("wijkagent sign-in (/meldingen/inloggen)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/meldingen.inloggen");
    expectTooMany((await callRoute(action, post("/meldingen/inloggen", { email: "a@example.nl", password: "een wachtwoord" }), {})).result);
  });

  it("group registration (/groepen/aanmelden)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/groepen.aanmelden");
    const fields = { name: "Buurtpreventie Lindenlaan", woonplaats: "Utrecht", postcodes: "3581", member_count: "12", admin_name: "Anouk", admin_email: "a@example.nl", lat: "52.09", lng: "5.12" };
    expectTooMany((await callRoute(action, post("/groepen/aanmelden", fields), {})).result);
  });

  it("contact relay (/groepen/:slug)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/groepen.$slug");
    const fields = { name: "Bert", email: "b@example.nl", message: "Mag ik erbij?" };
    expectTooMany((await callRoute(action, post("/groepen/lindenlaan", fields), { slug: "lindenlaan" })).result);
  });

  it("withdrawal, both steps (/herroepen)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/herroepen");
    for (const intent of ["lookup", "confirm"]) {
      expectTooMany((await callRoute(action, post("/herroepen", { order_number: "12", email: "a@example.nl", intent }), {})).result);
    }
  });
});

// Remix builds the page's and the `.data` answer's headers from the route's `headers` export
// alone: each of these must pass the action's Retry-After on (withRetryAfter).
describe("the rate-limited pages' headers keep the action's Retry-After", () => {
  const routes = [
    "inloggen",
    "wachtwoord-vergeten",
    "meldingen.inloggen",
    "meldingen._index",
    "herroepen",
    "afrekenen.betalen",
    "groepen.aanmelden",
    "groepen.bevestigen",
    "groepen.$slug",
    "mijn-groep.buurgroepen.$groupId.bericht",
    "mijn-groep.waarschuwen",
    "mijn-groep.berichten.$messageId",
    "berichten.melden.$token",
  ];
  it.each(routes)("%s", async (route) => {
    const { headers } = (await import(`../routes/${route}.tsx`)) as { headers: (args: unknown) => HeadersInit };
    const args = { actionHeaders: new Headers({ "Retry-After": "600" }), loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined };
    expect(new Headers(headers(args)).get("retry-after")).toBe("600");
  });
});
