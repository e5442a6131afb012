import { afterEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";

const { BackendError, BackendUnavailableError, backendFetch } = await import("./backend.server");
const { formError, formInvalid } = await import("./form.server");

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
