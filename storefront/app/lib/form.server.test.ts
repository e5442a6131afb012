import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { stubBackend } from "~/test/backend-stub";

const { BackendError, BackendUnavailableError, backendFetch } = await import("./backend/backend.server");
const { formError, formInvalid, readForm } = await import("./form.server");

afterEach(() => vi.unstubAllGlobals());

type Answer = { type: string; data: { errors: Record<string, string>; values: unknown; code: string | null }; init: { status: number; headers: Record<string, string> } };
const answer = (value: unknown) => value as Answer;

describe("formError: the one way a form answers a refused backend call", () => {
  it("shows the backend's Dutch errors at their fields, with what was typed and the backend's status", async () => {
    stubBackend(() => ({ status: 400, body: { type: "invalid_data", message: "x", errors: { postcode: "Vul een geldige postcode in" } } }));
    const error = await backendFetch("/store/groups", { method: "POST", body: {} }).catch((e: unknown) => e);
    const refused = answer(formError(error, { postcode: "12" }));
    expect(refused.data).toEqual({ errors: { postcode: "Vul een geldige postcode in." }, values: { postcode: "12" }, code: null });
    expect(refused.init.status).toBe(400);
  });

  it("keeps a 429 a 429 with its Retry-After whatever the page's own status", () => {
    const tooMany = BackendError.refusal(429, "Te veel pogingen.", undefined, null, 600);
    const refused = answer(formError(tooMany, null, { status: 401 }));
    expect(refused.init).toEqual({ status: 429, headers: { "Retry-After": "600" } });
    expect(answer(formError(BackendError.refusal(401, "Klopt niet."), null, { status: 401 })).init.status).toBe(401);
  });

  it("an unreachable backend is one Dutch sentence for the whole form; the status may be chosen from the failure", () => {
    const refused = answer(formError(new BackendUnavailableError("timeout"), null, { status: (f) => (f.status >= 500 ? 503 : 400) }));
    expect(refused.init.status).toBe(503);
    expect(refused.data.errors._).toMatch(/lukte nu even niet|niet bereikbaar/);
  });

  it("passes the refusal's code on (e.g. an expired link) and rethrows what is no backend failure", () => {
    expect(answer(formError(BackendError.refusal(400, "Verlopen.", undefined, "expired_link"), null)).data.code).toBe("expired_link");
    expect(() => formError(new RangeError("bug"), null)).toThrow(RangeError);
  });

  it("formInvalid answers the storefront's own checks with 400", () => {
    expect(answer(formInvalid({ email: "Vul je e-mailadres in." }, { email: "" }))).toMatchObject({ data: { errors: { email: "Vul je e-mailadres in." } }, init: { status: 400 } });
  });
});

describe("readForm: the one way an action reads its form", () => {
  const post = (body: string) => new Request("http://shop.test/", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });

  it("gives what was typed in the listed fields ('' when absent), and any field's text", async () => {
    const { values, text } = await readForm(post("email=a%40example.nl&website=&extra=x"), ["email", "name"]);
    expect(values).toEqual({ email: "a@example.nl", name: "" });
    expect([text("extra"), text("missing")]).toEqual(["x", ""]);
  });

  it("checks with the form's schema: the value, or the first Dutch error per field", async () => {
    const schema = z.object({ email: z.email("Vul een geldig e-mailadres in."), password: z.string().min(1, "Vul je wachtwoord in.") });
    const bad = await readForm(post("email=nee&password="), ["email"], schema, ({ email }, text) => ({ email, password: text("password") }));
    expect(bad).toMatchObject({ ok: false, errors: { email: "Vul een geldig e-mailadres in.", password: "Vul je wachtwoord in." }, values: { email: "nee" } });
    // the password is read for the check but never echoed back
    expect(bad.values).not.toHaveProperty("password");
    const good = await readForm(post("email=a%40example.nl&password=geheim"), ["email"], schema, ({ email }, text) => ({ email, password: text("password") }));
    expect(good).toMatchObject({ ok: true, value: { email: "a@example.nl", password: "geheim" } });
  });
});
