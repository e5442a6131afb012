import { FetchError } from "@medusajs/js-sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubBackend } from "~/test/backend-stub";
import { UNAVAILABLE_MESSAGE } from "../error-messages";

const { BackendError, BackendUnavailableError, backendFetch, callBackend, failureStatus, loadFromBackend, sdk, toBackendFailure } = await import(
  "./backend.server"
);

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The failure a form would show for one backend answer to a POST. */
async function failureFor(answer: Parameters<typeof stubBackend>[0]) {
  stubBackend(answer);
  const error = await backendFetch("/store/groups", { method: "POST", body: {} }).catch((e: unknown) => e);
  return toBackendFailure(error);
}

describe("backendFetch: the one fetch for the shop's own routes", () => {
  it("sends the publishable key, JSON and a customer's token, and resolves with the body", async () => {
    const seen = stubBackend(() => ({ body: { groups: [] } }));
    await expect(backendFetch("/store/my-group", { token: "jwt", query: { limit: 5, q: undefined } })).resolves.toEqual({ groups: [] });
    expect(seen[0]).toMatchObject({ method: "GET", path: "/store/my-group", query: { limit: "5" } });
    expect(seen[0]!.headers).toMatchObject({ "x-publishable-api-key": "pk_test", authorization: "Bearer jwt", accept: "application/json" });
  });

  it("keeps the whole error body: status, type, the errors map and Retry-After", async () => {
    stubBackend(() => ({ status: 429, body: { type: "too_many", message: "Te veel" }, headers: { "Retry-After": "120" } }));
    const error = await backendFetch("/store/groups").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ status: 429, type: "too_many", message: "Te veel", retryAfter: 120 });
  });

  it("throws BackendUnavailableError when no answer comes or the answer is not JSON", async () => {
    stubBackend(() => new TypeError("fetch failed"));
    await expect(backendFetch("/store/groups")).rejects.toBeInstanceOf(BackendUnavailableError);
    vi.stubGlobal("fetch", vi.fn(async () => new Response("<html>", { status: 200 })));
    await expect(backendFetch("/store/groups")).rejects.toBeInstanceOf(BackendUnavailableError);
  });
});

describe("toBackendFailure: any backend error → { status, message, fieldErrors }", () => {
  it("keeps the backend's errors map per field, each as a sentence", async () => {
    const failure = await failureFor(() => ({
      status: 400,
      body: {
        type: "invalid_data",
        message: "Vul je naam in. Dit punt ligt niet in Nederland",
        errors: { admin_name: "Vul je naam in", lat: "Dit punt ligt niet in Nederland" },
      },
    }));
    expect(failure).toEqual({
      status: 400,
      message: "Vul je naam in. Dit punt ligt niet in Nederland.",
      fieldErrors: { admin_name: "Vul je naam in.", lat: "Dit punt ligt niet in Nederland." },
      type: "invalid_data",
      code: null,
      retryAfter: null,
    });
  });

  it("keeps the body's code, which callers branch on instead of the message", async () => {
    const failure = await failureFor(() => ({
      status: 400,
      body: { type: "not_allowed", code: "insufficient_inventory", message: "Er zijn er nog maar 2 op voorraad." },
    }));
    expect(failure).toMatchObject({ status: 400, code: "insufficient_inventory", message: "Er zijn er nog maar 2 op voorraad." });
  });

  it("puts a 400 without fields at the form", async () => {
    const failure = await failureFor(() => ({ status: 400, body: { type: "not_allowed", message: "Dit account mag geen meldingen meer plaatsen" } }));
    expect(failure).toMatchObject({ status: 400, type: "not_allowed", fieldErrors: { _: "Dit account mag geen meldingen meer plaatsen." } });
  });

  it("answers Medusa's English 401, 403 and 404 in Dutch", async () => {
    expect(await failureFor(() => ({ status: 401, body: { message: "Unauthorized" } }))).toMatchObject({
      status: 401,
      fieldErrors: { _: "Je bent uitgelogd. Log opnieuw in." },
    });
    expect(await failureFor(() => ({ status: 403, body: { message: "Forbidden" } }))).toMatchObject({
      status: 403,
      message: "Dat mag je met dit account niet doen.",
    });
    expect(await failureFor(() => ({ status: 404, body: { message: "Group not found" } }))).toMatchObject({
      status: 404,
      message: "Dit bestaat niet (meer).",
    });
  });

  it("passes a 409's own Dutch message on", async () => {
    const failure = await failureFor(() => ({ status: 409, body: { type: "duplicate_error", message: "Er is al een groep met deze naam" } }));
    expect(failure).toMatchObject({ status: 409, type: "duplicate_error", message: "Er is al een groep met deze naam.", fieldErrors: { _: "Er is al een groep met deze naam." } });
  });

  it("says a 413 was too long", async () => {
    expect(await failureFor(() => ({ status: 413, body: { message: "request entity too large" } }))).toMatchObject({
      status: 413,
      message: "Je invoer is te lang. Maak hem korter en probeer het opnieuw.",
    });
  });

  it("passes a 429's message and Retry-After on", async () => {
    const failure = await failureFor(() => ({
      status: 429,
      body: { message: "Te veel aanmeldingen vanaf dit adres. Probeer het over een uur opnieuw." },
      headers: { "Retry-After": "3600" },
    }));
    expect(failure).toMatchObject({ status: 429, retryAfter: 3600, message: "Te veel aanmeldingen vanaf dit adres. Probeer het over een uur opnieuw." });
  });

  it("turns a 5xx, a network failure and a timeout into 'try again later'", async () => {
    const unavailable = { message: UNAVAILABLE_MESSAGE, fieldErrors: { _: UNAVAILABLE_MESSAGE } };
    expect(await failureFor(() => ({ status: 500, body: { message: "An unknown error occurred." } }))).toMatchObject({ status: 500, ...unavailable });
    expect(await failureFor(() => new TypeError("fetch failed"))).toMatchObject({ status: 503, ...unavailable });
    expect(toBackendFailure(new BackendUnavailableError("no answer within 10000 ms"))).toMatchObject({ status: 503, ...unavailable });
  });

  it("a js-sdk refusal (4xx) is a BackendError, not 'unavailable'; a 5xx is BackendUnavailableError", async () => {
    const refused = await callBackend("sign in", () => Promise.reject(new FetchError("Invalid email or password", "Unauthorized", 401))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackendError);
    expect(failureStatus(refused)).toBe(401);
    expect(toBackendFailure(refused)).toMatchObject({ status: 401, message: "Je bent uitgelogd. Log opnieuw in." });
    const missing = await callBackend("retrieve order", () => Promise.reject(new FetchError("Order not found", "Not Found", 404))).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BackendError);
    expect(missing).not.toBeInstanceOf(BackendUnavailableError);
    expect(toBackendFailure(missing)).toMatchObject({ status: 404, message: "Dit bestaat niet (meer)." });
    const broken = await callBackend("retrieve order", () => Promise.reject(new FetchError("boom", "Internal Server Error", 500))).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(BackendUnavailableError);
    expect(failureStatus(broken)).toBe(500);
  });

  it("a refusal in the storefront's own words is shown as it is, at its fields", () => {
    const refusal = BackendError.refusal(409, "Er is al een groep met deze naam.", { name: "Er is al een groep met deze naam." }, "duplicate");
    expect(toBackendFailure(refusal)).toMatchObject({ status: 409, message: "Er is al een groep met deze naam.", fieldErrors: { name: "Er is al een groep met deze naam." }, code: "duplicate" });
    expect(toBackendFailure(BackendError.refusal(503, "Het lukt nu niet."))).toMatchObject({ status: 503, fieldErrors: { _: "Het lukt nu niet." } });
  });

  it("rethrows programming errors", () => {
    expect(() => toBackendFailure(new RangeError("bug"))).toThrow(RangeError);
    expect(failureStatus(new RangeError("bug"))).toBeUndefined();
  });
});

describe("the sdk and the loaders", () => {
  it("the sdk goes through the same fetch, with the publishable key", async () => {
    const seen = stubBackend(() => ({ body: { regions: [], count: 0 } }));
    await sdk.store.region.list();
    expect(seen[0]).toMatchObject({ path: "/store/regions" });
    expect(seen[0]!.headers["x-publishable-api-key"]).toBe("pk_test");
  });

  it("loadFromBackend shows the 503 page for any backend failure a loader did not handle", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const thrown = await loadFromBackend(() => Promise.reject(new BackendError(500, "boom"))).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    await expect(loadFromBackend(() => Promise.reject(new RangeError("bug")))).rejects.toBeInstanceOf(RangeError);
    error.mockRestore();
  });
});
