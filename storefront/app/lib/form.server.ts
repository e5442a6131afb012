/**
 * Forms on the server: the one way an action answers a refused form. A backend refusal is a
 * thrown BackendError (lib/backend.server.ts); `formError` turns it, or an unreachable backend,
 * into the form's field errors beside what was typed, with the page's status (a 429 stays a
 * 429 with its Retry-After). Anything else (a programming error, a Response) is rethrown.
 */
import { data } from "@remix-run/node";
import { type BackendFailure, refusalInit, toBackendFailure } from "./backend.server";
import type { FieldErrors } from "./form-errors";

/** What a refused form answers: its errors per field ("_": the whole form), what was typed, and the refusal's code. */
export type FormRefusal<V> = { errors: FieldErrors; values: V; code: string | null };

/** Status of the page for a refusal: a number, or chosen from the failure (default: the backend's status). */
type StatusOf = number | ((failure: BackendFailure) => number);

export function formError<V>(error: unknown, values: V, options: { status?: StatusOf; headers?: Record<string, string> } = {}) {
  const failure = toBackendFailure(error);
  const status = typeof options.status === "function" ? options.status(failure) : (options.status ?? failure.status);
  return data<FormRefusal<V>>({ errors: failure.fieldErrors, values, code: failure.code }, refusalInit(failure, status, options.headers));
}

/** The form's own refusal (input the storefront checks itself): 400 with the errors. */
export function formInvalid<V>(errors: FieldErrors, values: V, headers: Record<string, string> = {}) {
  return data<FormRefusal<V>>({ errors, values, code: null }, { status: 400, headers });
}
