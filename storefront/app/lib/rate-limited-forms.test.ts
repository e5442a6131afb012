// Not in app/routes: Remix would take a file there for a route.
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";

// Issue 24, second look: when the backend refuses with 429 ("te veel pogingen"), the page answers
// 429 too, with the backend's Retry-After, on every form the backend rate-limits.
vi.mock("~/lib/session.server", () => {
  const session = { get: vi.fn(() => undefined), set: vi.fn(), flash: vi.fn(), unset: vi.fn() };
  return {
    getSession: vi.fn(async () => session),
    commitSession: vi.fn(async () => "__bp=x"),
    renewSession: vi.fn(async () => session),
    countryOf: vi.fn(() => "nl"),
    loginOf: vi.fn(() => null),
  };
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
    expectTooMany(await action({ request: post("/inloggen", { email: "a@example.nl", password: "een wachtwoord" }), params: {}, context: {} }));
  });

  it("password reset (/wachtwoord-vergeten)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/wachtwoord-vergeten");
    expectTooMany(await action({ request: post("/wachtwoord-vergeten", { email: "a@example.nl" }), params: {}, context: {} }));
  });

  it("wijkagent sign-in (/meldingen/inloggen)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/meldingen.inloggen");
    expectTooMany(await action({ request: post("/meldingen/inloggen", { email: "a@example.nl", password: "een wachtwoord" }), params: {}, context: {} }));
  });

  it("group registration (/groepen/aanmelden)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/groepen.aanmelden");
    const fields = { name: "Buurtpreventie Lindenlaan", woonplaats: "Utrecht", postcodes: "3581", member_count: "12", admin_name: "Anouk", admin_email: "a@example.nl", lat: "52.09", lng: "5.12" };
    expectTooMany(await action({ request: post("/groepen/aanmelden", fields), params: {}, context: {} }));
  });

  it("contact relay (/groepen/:slug)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/groepen.$slug");
    const fields = { name: "Bert", email: "b@example.nl", message: "Mag ik erbij?" };
    expectTooMany(await action({ request: post("/groepen/lindenlaan", fields), params: { slug: "lindenlaan" }, context: {} }));
  });

  it("withdrawal, both steps (/herroepen)", async () => {
    backendRefusesAll();
    const { action } = await import("~/routes/herroepen");
    for (const intent of ["lookup", "confirm"]) {
      expectTooMany(await action({ request: post("/herroepen", { order_number: "12", email: "a@example.nl", intent }), params: {}, context: {} }));
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
  ];
  it.each(routes)("%s", async (route) => {
    const { headers } = (await import(`../routes/${route}.tsx`)) as { headers: (args: unknown) => HeadersInit };
    const args = { actionHeaders: new Headers({ "Retry-After": "600" }), loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined };
    expect(new Headers(headers(args)).get("retry-after")).toBe("600");
  });
});
