/**
 * Forms on the server: the one way an action answers a refused form. A backend refusal is a
 * thrown BackendError (lib/backend/backend.server.ts); `formError` turns it, or an unreachable backend,
 * into the form's field errors beside what was typed, with the page's status (a 429 stays a
 * 429 with its Retry-After). Anything else (a programming error, a Response) is rethrown.
 */
import { data } from "@remix-run/node";
import type { z } from "./zod";
import { type BackendFailure, refusalInit, toBackendFailure } from "./backend/backend.server";
import type { FieldErrors } from "./form-errors";
import { parseForm } from "./validation";

/** A form as read: the FormData, what was typed in `fields` (strings; "" when absent), and one field's text. */
type ReadFields<K extends string> = { form: FormData; values: Record<K, string>; text: (key: string) => string };

/** Read and checked with the form's zod schema: the value, or the first error per field (answer it with `formInvalid`). */
export type ParsedForm<K extends string, T> = ReadFields<K> & ({ ok: true; value: T; errors?: undefined } | { ok: false; errors: FieldErrors; value?: undefined });

/**
 * The one way an action reads its form: the fields it echoes back (typed strings, never a
 * file), and, with a schema (the form's existing zod rules), the parsed value or the field
 * errors. `parse` picks the schema's input from the values (default: the values themselves).
 */
export async function readForm<K extends string>(request: Request, fields: readonly K[]): Promise<ReadFields<K>>;
export async function readForm<K extends string, S extends z.ZodType>(
  request: Request,
  fields: readonly K[],
  schema: S,
  parse?: (values: Record<K, string>, text: (key: string) => string, form: FormData) => Record<string, unknown>,
): Promise<ParsedForm<K, z.infer<S>>>;
export async function readForm<K extends string, S extends z.ZodType>(
  request: Request,
  fields: readonly K[],
  schema?: S,
  parse?: (values: Record<K, string>, text: (key: string) => string, form: FormData) => Record<string, unknown>,
): Promise<ReadFields<K> | ParsedForm<K, z.infer<S>>> {
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const values = Object.fromEntries(fields.map((key) => [key, text(key)])) as Record<K, string>;
  if (!schema) return { form, values, text };
  const parsed = parseForm(schema, parse ? parse(values, text, form) : values);
  return parsed.ok ? { form, values, text, ok: true, value: parsed.value } : { form, values, text, ok: false, errors: parsed.errors };
}

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
