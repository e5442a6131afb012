import { afterEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";
import { refusalOf } from "~/test/refusal";

vi.mock("../session/session.server", () => ({ getSession: vi.fn(), commitSession: vi.fn() }));

const { EXPIRED_LINK_CODE, EXPIRED_LINK_MESSAGE, emailFromToken, listMyGroups, requestPasswordReset, setPassword, SignedOutError, signIn, updateMyGroup, WRONG_LOGIN_MESSAGE } =
  await import("./account.server");

type Answer = { status: number; body: unknown } | Error;
/** The backend answers these, one per request, in order. */
function answers(...list: Answer[]) {
  return stubBackend(() => {
    const next = list.shift();
    if (!next) throw new Error("no answer left");
    return next instanceof Error ? next : { status: next.status, body: next.body };
  });
}
const fail = (status: number, message = "") => ({ status, body: { message } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("signIn", () => {
  it("returns the token, or one Dutch message for a wrong e-mail or password", async () => {
    const seen = answers(
      { status: 200, body: { token: "jwt" } },
      fail(401, "Invalid email or password"),
      fail(429, "Te veel pogingen om in te loggen. Probeer het over 12 minuten opnieuw."),
      fail(500),
    );
    expect(await signIn("a@example.nl", "pw")).toBe("jwt");
    expect(seen[0]).toMatchObject({ method: "POST", path: "/auth/customer/emailpass", body: { email: "a@example.nl", password: "pw" } });
    expect(await refusalOf(signIn("a@example.nl", "pw"))).toMatchObject({ message: WRONG_LOGIN_MESSAGE, errors: { _: WRONG_LOGIN_MESSAGE }, status: 401, retryAfter: null });
    expect(await refusalOf(signIn("a@example.nl", "pw"))).toMatchObject({ status: 429, message: "Te veel pogingen om in te loggen. Probeer het over 12 minuten opnieuw." });
    expect(await refusalOf(signIn("a@example.nl", "pw"))).toMatchObject({ status: 500, message: expect.stringContaining("lukte nu even niet") });
  });

  it("shows the backend's refusal per field at the fields", async () => {
    answers({ status: 400, body: { type: "invalid_data", message: "Vul een geldig e-mailadres in", errors: { email: "Vul een geldig e-mailadres in" } } });
    expect(await refusalOf(signIn("a@", "pw"))).toMatchObject({ status: 400, errors: { email: "Vul een geldig e-mailadres in." } });
  });
});

describe("requestPasswordReset", () => {
  it("answers the same for any address; too many requests and an unreachable backend are said", async () => {
    const seen = stubBackend(() => {
      const next = list.shift()!;
      return next instanceof Error ? next : next;
    });
    const list: ({ status: number; body?: unknown; headers?: Record<string, string> } | Error)[] = [
      { status: 201 }, // Medusa's answer: 201 with a plain "Created", no JSON
      { status: 201, body: {} },
      fail(400),
      { status: 429, body: { message: "Te vaak" }, headers: { "retry-after": "120" } },
      fail(502),
      new TypeError("fetch failed"),
    ];
    await expect(requestPasswordReset("a@example.nl")).resolves.toBeUndefined();
    expect(seen[0]).toMatchObject({ method: "POST", path: "/auth/customer/emailpass/reset-password", body: { identifier: "a@example.nl" } });
    await expect(requestPasswordReset("a@example.nl")).resolves.toBeUndefined();
    await expect(requestPasswordReset("a@example.nl")).resolves.toBeUndefined();
    expect(await refusalOf(requestPasswordReset("a@example.nl"))).toMatchObject({ status: 429, message: "Te vaak.", retryAfter: 120 });
    expect(await refusalOf(requestPasswordReset("a@example.nl"))).toMatchObject({ status: 502 });
    expect(await refusalOf(requestPasswordReset("a@example.nl"))).toMatchObject({ status: 503 });
  });
});

describe("setPassword", () => {
  it("passes the token as bearer to Medusa's update route; a used or expired token says so", async () => {
    const seen = answers({ status: 200, body: { success: true } }, fail(401, "Invalid token"));
    await expect(setPassword("tok", "fiets boom lantaarn")).resolves.toBeUndefined();
    expect(seen[0]).toMatchObject({ method: "POST", path: "/auth/customer/emailpass/update", body: { password: "fiets boom lantaarn" } });
    expect(seen[0]!.headers.authorization).toBe("Bearer tok");
    expect(await refusalOf(setPassword("tok", "fiets boom lantaarn"))).toMatchObject({ status: 400, code: EXPIRED_LINK_CODE, message: EXPIRED_LINK_MESSAGE });
  });

  it("reads the address from a token for display", () => {
    const payload = Buffer.from(JSON.stringify({ entity_id: "anouk@example.nl", purpose: "reset" })).toString("base64url");
    expect(emailFromToken(`h.${payload}.s`)).toBe("anouk@example.nl");
    expect(emailFromToken("garbage")).toBeNull();
    expect(emailFromToken("a.###.b")).toBeNull();
  });
});

describe("my groups", () => {
  const apiGroup = {
    id: "nbgrp_1",
    name: "Buurtpreventie Lindenlaan",
    slug: "buurtpreventie-lindenlaan",
    status: "approved",
    rejection_reason: null,
    woonplaats: "Utrecht",
    gemeente: "Utrecht",
    postcodes: ["3581"],
    lat: 52.09,
    lng: 5.12,
    member_count: 42,
    admin_name: "Anouk",
    admin_email: "anouk@example.nl",
  };

  it("sends the customer's token per request and maps the groups", async () => {
    const seen = answers({ status: 200, body: { groups: [apiGroup] } });
    const groups = await listMyGroups("jwt");
    expect(seen[0]).toMatchObject({ method: "GET", path: "/store/my-group" });
    expect(seen[0]!.headers.authorization).toBe("Bearer jwt");
    expect(groups[0]).toMatchObject({ id: "nbgrp_1", memberCount: 42, status: "approved", adminEmail: "anouk@example.nl" });
  });

  it("maps a change that awaits review (and nothing when none waits)", async () => {
    const changes = [{ field: "name", from: "Buurtpreventie Lindenlaan", to: "Buurtpreventie Lindelaan" }];
    answers({ status: 200, body: { groups: [{ ...apiGroup, pending_changes: { requested_at: "2026-12-03T14:00:00.000Z", changes } }, apiGroup] } });
    const [waiting, plain] = await listMyGroups("jwt");
    expect(waiting!.pendingChanges).toEqual({ requestedAt: "2026-12-03T14:00:00.000Z", changes });
    expect(plain!.pendingChanges).toBeNull();
  });

  it("turns a missing or refused token into SignedOutError", async () => {
    await expect(listMyGroups(null)).rejects.toBeInstanceOf(SignedOutError);
    answers(fail(401, "Unauthorized"));
    await expect(listMyGroups("expired")).rejects.toBeInstanceOf(SignedOutError);
  });

  it("posts the fields as typed, and passes the backend's answer per field to the form", async () => {
    const seen = answers(
      { status: 200, body: { group: { ...apiGroup, member_count: 50 } } },
      { status: 400, body: { type: "invalid_data", message: "…", errors: { member_count: "Een WhatsApp-groep heeft hoogstens 256 leden", lat: "Dit punt ligt niet in Nederland of België" } } },
      fail(409, "Er is al een groep"),
      fail(404, "Not found"),
    );
    const typed = { name: "Buurtpreventie Lindenlaan", woonplaats: "Utrecht", postcodes: "3581", member_count: "50", lat: "", lng: "" };
    expect(await updateMyGroup("jwt", "nbgrp_1", typed)).toMatchObject({ memberCount: 50 });
    expect(seen[0]).toMatchObject({ method: "POST", path: "/store/my-group/groups/nbgrp_1", body: typed });
    expect(await refusalOf(updateMyGroup("jwt", "nbgrp_1", typed))).toMatchObject({
      errors: { member_count: "Een WhatsApp-groep heeft hoogstens 256 leden.", lat: "Dit punt ligt niet in Nederland of België." },
      status: 400,
    });
    expect(await refusalOf(updateMyGroup("jwt", "nbgrp_1", typed))).toMatchObject({ errors: { name: "Er is al een groep." }, status: 409 });
    expect(await refusalOf(updateMyGroup("jwt", "nbgrp_1", typed))).toMatchObject({ errors: { _: expect.stringContaining("hoort niet bij je account") }, status: 404 });
  });
});
