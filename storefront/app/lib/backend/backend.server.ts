/**
 * The storefront's one client for the Medusa backend. Every `*.server.ts` domain file
 * calls the backend through this module:
 *
 * - `sdk`: the js-sdk instance for Medusa's own reads and auth (products, regions,
 *   payment providers, orders, sign-in), where an error only means "not available";
 * - `backendFetch`: the one fetch wherever the error body matters: the shop's own routes
 *   (groups, notices, my-group, invoice) and the cart, whose refusals carry a `code`
 *   (insufficient_inventory, cart_not_found, cart_completed). The sdk's FetchError keeps
 *   only the message, and the storefront never reads meaning out of message text;
 * - `callBackend` / `loadFromBackend`: a timeout for sdk calls, and the 503 page for loaders;
 * - `toBackendFailure`: the one translator from any failed call to
 *   `{ status, message, fieldErrors, code }`, which forms show beside their fields.
 *
 * The backend is the one judge of input: it answers invalid input with
 * `400 { type: "invalid_data", message, errors: { field: message } }` in Dutch
 * (backend/src/api/store/groups/validators.ts), and the storefront passes that on.
 */
import Medusa, { FetchError } from "@medusajs/js-sdk";
import { CLIENT_ADDRESS_HEADER, clientAddressHeaders } from "./client-address.server";
import { getConfig } from "../config.server";
import { BACKEND_UNAVAILABLE_MESSAGE, UNAVAILABLE_MESSAGE } from "../error-messages";

export { UNAVAILABLE_MESSAGE } from "../error-messages";
import type { FieldErrors } from "../form-errors";

// Evaluated when the server bundle loads: a missing key stops the server at startup.
const config = getConfig();

/** The one Medusa JS SDK client of the storefront (server-side only). */
export const sdk = new Medusa({
  baseUrl: config.backendUrl,
  publishableKey: config.publishableKey,
  debug: false,
  // This instance is shared by all requests: never keep a customer token in it.
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  // Read on every call (the SDK copies these with Object.assign): the visitor of the request
  // being served, signed, so the backend's rate limits count per visitor; null leaves it out.
  globalHeaders: Object.defineProperty({}, CLIENT_ADDRESS_HEADER, {
    enumerable: true,
    get: () => clientAddressHeaders()[CLIENT_ADDRESS_HEADER] ?? null,
  }),
});

/** How long one backend call may take (BACKEND_TIMEOUT_MS, read once in config.server.ts; default 10 s). */
export const BACKEND_TIMEOUT_MS = config.backendTimeoutMs;

/** The backend could not be reached or gave no usable answer: show "tijdelijk niet bereikbaar". */
export class BackendUnavailableError extends Error {
  override name = "BackendUnavailableError";
}

/**
 * The one error of a refused backend call: the backend answered with an error status (its
 * body kept whole: status, type, code, field errors), or a domain module turned such an
 * answer into the Dutch refusal its form shows (`BackendError.refusal`). Forms catch it
 * with one helper (lib/form.server.ts, `formError`).
 */
export class BackendError extends Error {
  override name = "BackendError";
  /** The message and field errors are the storefront's own Dutch ones: shown as they are. */
  translated = false;

  /** A refusal in the storefront's own words (e.g. "Dit e-mailadres of wachtwoord klopt niet."). */
  static refusal(status: number, message: string, errors: FieldErrors = { _: message }, code: string | null = null, retryAfter: number | null = null): BackendError {
    const error = new BackendError(status, message, null, errors, retryAfter, code);
    error.translated = true;
    return error;
  }

  constructor(
    readonly status: number,
    message: string,
    /** The body's `type` ("invalid_data", "not_allowed", …), when it has one. */
    readonly type: string | null = null,
    /** The body's `errors` map: field → Dutch message. */
    readonly errors: FieldErrors = {},
    /** Seconds from a `Retry-After` header (429), when given. */
    readonly retryAfter: number | null = null,
    /** The body's `code` ("insufficient_inventory", "cart_completed", …), when it has one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined>;

export type BackendRequest = {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  query?: Query;
  /** A customer's or notice author's JWT, from the session. */
  token?: string | null;
  /** The visitor whose address is passed on (signed); default: the request being served. */
  clientIp?: string | null;
  /** Default BACKEND_TIMEOUT_MS. */
  timeoutMs?: number;
};

function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function backendUrl(path: string, query: Query = {}): URL {
  const url = new URL(`${config.backendUrl.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}

/**
 * The one fetch for the shop's own routes. Resolves with the JSON body of a 2xx answer;
 * throws BackendError for any error status (body kept) and BackendUnavailableError when
 * no answer came (unreachable, timeout, a body that is not JSON).
 */
export async function backendFetch<T>(path: string, request: BackendRequest = {}): Promise<T> {
  const { method = "GET", body, query, token, clientIp, timeoutMs = BACKEND_TIMEOUT_MS } = request;
  const what = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(backendUrl(path, query), {
      method,
      headers: {
        accept: "application/json",
        "x-publishable-api-key": config.publishableKey,
        ...(clientIp === undefined ? clientAddressHeaders() : clientAddressHeaders(clientIp)),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new BackendUnavailableError(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const data = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (response.ok) {
    if (data === undefined) throw new BackendUnavailableError(`${what}: HTTP ${response.status} without a JSON body`);
    return data as T;
  }
  const errors = data?.errors && typeof data.errors === "object" && !Array.isArray(data.errors) ? (data.errors as FieldErrors) : {};
  throw new BackendError(
    response.status,
    typeof data?.message === "string" ? data.message : response.statusText,
    typeof data?.type === "string" ? data.type : null,
    errors,
    retryAfterSeconds(response.headers.get("retry-after")),
    typeof data?.code === "string" ? data.code : null,
  );
}

/** The backend client of one visitor (the request context's `backend`): its address is signed into every call. */
export type BackendClient = {
  fetch<T>(path: string, request?: BackendRequest): Promise<T>;
  /** The shared js-sdk client; its calls carry the address of the request being served (client-address.server.ts). */
  sdk: typeof sdk;
};

export function backendClientFor(clientIp: string | undefined): BackendClient {
  return {
    fetch: <T>(path: string, request: BackendRequest = {}) => backendFetch<T>(path, { clientIp, ...request }),
    sdk,
  };
}

function isNetworkFailure(error: unknown): boolean {
  // Node's fetch rejects with TypeError("fetch failed") when the host is unreachable.
  return error instanceof TypeError && /fetch failed|network/i.test(error.message);
}

/**
 * Runs one sdk call with a timeout. HTTP errors (the sdk's FetchError) and network
 * failures become BackendUnavailableError with the original as `cause`; the translator
 * below reads the status from it.
 */
export async function callBackend<T>(what: string, call: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BackendUnavailableError(`${what}: no answer within ${BACKEND_TIMEOUT_MS} ms`)),
      BACKEND_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (error) {
    if (error instanceof BackendUnavailableError || error instanceof BackendError) throw error;
    // An answer with a 4xx status is a refusal (a 404 is "not found", not "unreachable").
    if (error instanceof FetchError && error.status !== undefined && error.status >= 400 && error.status < 500) {
      throw Object.assign(new BackendError(error.status, error.message || error.statusText || `HTTP ${error.status}`), { cause: error });
    }
    if (!(error instanceof FetchError) && !isNetworkFailure(error)) throw error;
    const status = error instanceof FetchError ? ` (HTTP ${error.status})` : "";
    throw new BackendUnavailableError(`${what}${status}: ${(error as Error).message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * For loaders: runs `load`; when the backend is unavailable or answers an error the
 * loader did not handle, logs one line and throws a 503 Response so the ErrorBoundary
 * shows "De winkel is tijdelijk niet bereikbaar".
 */
export async function loadFromBackend<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof BackendUnavailableError) && !(error instanceof BackendError)) throw error;
    console.error(`Storefront: Medusa backend unavailable: ${error.message}`);
    throw new Response(BACKEND_UNAVAILABLE_MESSAGE, {
      status: 503,
      statusText: "Service Unavailable",
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": "60",
      },
    });
  }
}

// ---------------------------------------------------------------------------
// The one translator

/** What a form shows for a failed call. */
export type BackendFailure = {
  /** The backend's HTTP status; 503 when it gave no answer. */
  status: number;
  /** One Dutch sentence for the whole form (the error summary's "_"). */
  message: string;
  /** The backend's own field → message map, as it sent it; `_` when it named no field. */
  fieldErrors: FieldErrors;
  /** The body's `type`, e.g. "not_allowed", "duplicate_error". */
  type: string | null;
  /** The body's `code`, e.g. "insufficient_inventory", "cart_completed". */
  code: string | null;
  /** 429: seconds to wait, from Retry-After. */
  retryAfter: number | null;
};

export const SIGNED_OUT_MESSAGE = "Je bent uitgelogd. Log opnieuw in.";
export const FORBIDDEN_MESSAGE = "Dat mag je met dit account niet doen.";
export const NOT_FOUND_MESSAGE = "Dit bestaat niet (meer).";
export const TOO_LARGE_MESSAGE = "Je invoer is te lang. Maak hem korter en probeer het opnieuw.";
export const RATE_LIMITED_MESSAGE = "Je hebt het al een paar keer geprobeerd. Wacht even en probeer het dan opnieuw.";

/** Dutch defaults for answers without a useful message (Medusa's own are English). */
const DEFAULT_MESSAGES: Record<number, string> = {
  401: SIGNED_OUT_MESSAGE,
  403: FORBIDDEN_MESSAGE,
  404: NOT_FOUND_MESSAGE,
  413: TOO_LARGE_MESSAGE,
  429: RATE_LIMITED_MESSAGE,
};

/** "Vul je naam in" → "Vul je naam in." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The backend's own answer inside callBackend's wrapper, or the error itself. */
function backendAnswer(error: unknown): unknown {
  return error instanceof BackendUnavailableError && error.cause !== undefined ? error.cause : error;
}

/**
 * Any failed backend call → what the form shows. The backend's own 4xx answers are
 * Dutch (the shop's routes and rate limits) and are passed on; Medusa's 401/403/404
 * and every 5xx or missing answer get a Dutch default. Rethrows anything that is not
 * a backend failure (a programming error).
 */
export function toBackendFailure(error: unknown): BackendFailure {
  const answer = backendAnswer(error);
  if (answer instanceof BackendError && answer.translated) {
    const { status, message, errors: fieldErrors, type, code, retryAfter } = answer;
    return { status, message, fieldErrors, type, code, retryAfter };
  }
  if (answer instanceof BackendError || answer instanceof FetchError) {
    const status = answer.status ?? 503;
    if (status >= 500) return unavailable(status);
    const backend = answer instanceof BackendError ? answer : null;
    const fieldErrors = Object.fromEntries(
      Object.entries(backend?.errors ?? {}).flatMap(([field, message]) => (typeof message === "string" ? [[field, sentence(message)]] : [])),
    ) as FieldErrors;
    // Medusa's own auth and not-found answers are English: our own routes say more in Dutch.
    const own = status === 400 || status === 409 || status === 429 || Object.keys(fieldErrors).length > 0;
    const message = own && answer.message ? sentence(answer.message) : (DEFAULT_MESSAGES[status] ?? UNAVAILABLE_MESSAGE);
    return {
      status,
      message,
      fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : { _: message },
      type: backend?.type ?? null,
      code: backend?.code ?? null,
      retryAfter: backend?.retryAfter ?? null,
    };
  }
  if (error instanceof BackendUnavailableError || isNetworkFailure(error)) return unavailable(503);
  throw error;
}

/**
 * Status and headers of a page that answers a refused backend call: the backend's 429
 * ("te veel pogingen") stays a 429 with its Retry-After, so a browser, a script or a proxy
 * sees a rate limit as one; any other refusal gets the page's own `status`.
 */
export function refusalInit(
  failure: { status: number; retryAfter?: number | null },
  status: number,
  headers: Record<string, string> = {},
): { status: number; headers: Record<string, string> } {
  if (failure.status !== 429) return { status, headers };
  const retryAfter = failure.retryAfter ?? null;
  return { status: 429, headers: { ...headers, ...(retryAfter !== null ? { "Retry-After": String(retryAfter) } : {}) } };
}

function unavailable(status: number): BackendFailure {
  return { status, message: UNAVAILABLE_MESSAGE, fieldErrors: { _: UNAVAILABLE_MESSAGE }, type: null, code: null, retryAfter: null };
}

/** The status of a failed call, or undefined when it is not a backend failure. */
export function failureStatus(error: unknown): number | undefined {
  const answer = backendAnswer(error);
  if (answer instanceof BackendError || answer instanceof FetchError) return answer.status;
  return error instanceof BackendUnavailableError ? 503 : undefined;
}
