import { FetchError } from "@medusajs/js-sdk";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Replace the real SDK client (which reads the environment) with a stub.
const fetchMock = vi.fn();
const login = vi.fn();
const resetPassword = vi.fn();
const updateProvider = vi.fn();
vi.mock("./medusa.server", () => ({ sdk: { client: { fetch: fetchMock }, auth: { login, resetPassword, updateProvider } } }));
vi.mock("./session.server", () => ({ getSession: vi.fn(), commitSession: vi.fn() }));

const {
  EXPIRED_LINK_MESSAGE,
  emailFromToken,
  editFailure,
  listMyGroups,
  requestPasswordReset,
  setPassword,
  SignedOutError,
  signIn,
  updateMyGroup,
  WRONG_LOGIN_MESSAGE,
} = await import("./account.server");

const fail = (status: number, message = "") => new FetchError(message, "", status);

beforeEach(() => {
  fetchMock.mockReset();
  login.mockReset();
  resetPassword.mockReset();
  updateProvider.mockReset();
});

describe("signIn", () => {
  it("returns the token, or one Dutch message for a wrong e-mail or password", async () => {
    login.mockResolvedValueOnce("jwt");
    expect(await signIn("a@example.nl", "pw")).toEqual({ ok: true, token: "jwt" });
    login.mockRejectedValueOnce(fail(401, "Invalid email or password"));
    expect(await signIn("a@example.nl", "pw")).toEqual({ ok: false, message: WRONG_LOGIN_MESSAGE });
    login.mockRejectedValueOnce(fail(429, "Te veel pogingen om in te loggen. Probeer het over 12 minuten opnieuw."));
    expect(await signIn("a@example.nl", "pw")).toEqual({ ok: false, message: "Te veel pogingen om in te loggen. Probeer het over 12 minuten opnieuw." });
    login.mockRejectedValueOnce(fail(500));
    expect(await signIn("a@example.nl", "pw")).toEqual({ ok: false, message: expect.stringContaining("lukte nu even niet") });
    expect(login).toHaveBeenCalledWith("customer", "emailpass", { email: "a@example.nl", password: "pw" });
  });
});

describe("requestPasswordReset", () => {
  it("answers the same for any address; only an unreachable backend is an error", async () => {
    resetPassword.mockResolvedValueOnce(undefined);
    expect(await requestPasswordReset("a@example.nl")).toEqual({ ok: true });
    resetPassword.mockRejectedValueOnce(fail(400));
    expect(await requestPasswordReset("a@example.nl")).toEqual({ ok: true });
    resetPassword.mockRejectedValueOnce(fail(429, "Te vaak"));
    expect(await requestPasswordReset("a@example.nl")).toEqual({ ok: true });
    resetPassword.mockRejectedValueOnce(fail(502));
    expect(await requestPasswordReset("a@example.nl")).toEqual({ ok: false });
    resetPassword.mockRejectedValueOnce(new TypeError("fetch failed"));
    expect(await requestPasswordReset("a@example.nl")).toEqual({ ok: false });
  });
});

describe("setPassword", () => {
  it("passes the token as bearer to Medusa's update route; a used or expired token says so", async () => {
    updateProvider.mockResolvedValueOnce(undefined);
    expect(await setPassword("tok", "fiets boom lantaarn")).toEqual({ ok: true });
    expect(updateProvider).toHaveBeenCalledWith("customer", "emailpass", { password: "fiets boom lantaarn" }, "tok");
    updateProvider.mockRejectedValueOnce(fail(401, "Invalid token"));
    expect(await setPassword("tok", "fiets boom lantaarn")).toEqual({ ok: false, expired: true, message: EXPIRED_LINK_MESSAGE });
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
    fetchMock.mockResolvedValueOnce({ groups: [apiGroup] });
    const groups = await listMyGroups("jwt");
    expect(fetchMock).toHaveBeenCalledWith("/store/my-group", { headers: { authorization: "Bearer jwt" } });
    expect(groups[0]).toMatchObject({ id: "nbgrp_1", memberCount: 42, status: "approved", adminEmail: "anouk@example.nl" });
  });

  it("maps a change that awaits review (and nothing when none waits)", async () => {
    const changes = [{ field: "name", from: "Buurtpreventie Lindenlaan", to: "Buurtpreventie Lindelaan" }];
    fetchMock.mockResolvedValueOnce({ groups: [{ ...apiGroup, pending_changes: { requested_at: "2026-12-03T14:00:00.000Z", changes } }, apiGroup] });
    const [waiting, plain] = await listMyGroups("jwt");
    expect(waiting!.pendingChanges).toEqual({ requestedAt: "2026-12-03T14:00:00.000Z", changes });
    expect(plain!.pendingChanges).toBeNull();
  });

  it("turns a missing or refused token into SignedOutError", async () => {
    await expect(listMyGroups(null)).rejects.toBeInstanceOf(SignedOutError);
    fetchMock.mockRejectedValueOnce(fail(401, "Unauthorized"));
    await expect(listMyGroups("expired")).rejects.toBeInstanceOf(SignedOutError);
  });

  it("posts only the point when both coordinates are given, and maps backend refusals to the form", async () => {
    fetchMock.mockResolvedValueOnce({ group: { ...apiGroup, member_count: 50 } });
    const input = { name: "Buurtpreventie Lindenlaan", woonplaats: "Utrecht", postcodes: ["3581"], member_count: 50, lat: undefined, lng: undefined };
    expect(await updateMyGroup("jwt", "nbgrp_1", input)).toMatchObject({ ok: true, group: { memberCount: 50 } });
    expect(fetchMock).toHaveBeenCalledWith("/store/my-group/groups/nbgrp_1", {
      method: "POST",
      body: { name: "Buurtpreventie Lindenlaan", woonplaats: "Utrecht", postcodes: ["3581"], member_count: 50 },
      headers: { authorization: "Bearer jwt" },
    });
    fetchMock.mockRejectedValueOnce(fail(409, "Er is al een groep"));
    expect(await updateMyGroup("jwt", "nbgrp_1", input)).toEqual({ ok: false, errors: { name: "Er is al een groep" }, status: 409 });
    expect(editFailure(fail(404))).toEqual({ errors: { _: expect.stringContaining("hoort niet bij je account") }, status: 404 });
  });
});
