import { vi } from "vitest";

/** One request as the stubbed backend saw it. */
export type SeenRequest = { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: unknown };

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> } | Error;

/**
 * Replaces global fetch (which the js-sdk and backendFetch both use) with a backend
 * that answers from `answer`; returns the requests it saw. Tests exercise the real
 * client down to the HTTP call.
 */
export function stubBackend(answer: (request: SeenRequest) => Answer | Promise<Answer>) {
  const seen: SeenRequest[] = [];
  const fetchStub = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const request: SeenRequest = {
      method: init.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    const result = await answer(request);
    if (result instanceof Error) throw result;
    return new Response(result.body === undefined ? null : JSON.stringify(result.body), {
      status: result.status ?? 200,
      headers: { "content-type": "application/json", ...result.headers },
    });
  });
  vi.stubGlobal("fetch", fetchStub);
  return seen;
}
