/**
 * Errors of a form, per field, as the pages show them beside the fields and in the
 * ErrorSummary. They come from the backend's answer (backend.server.ts) or, for the few
 * rules no backend route checks, from the storefront's own parsing. "_": the whole form.
 * Client-safe.
 */
export type FieldErrors = Partial<Record<string, string>>;

/** Errors in the order of `fields` (unknown keys, such as "_", last): for the error summary. */
export function orderedErrors(errors: FieldErrors, fields: readonly string[]): [string, string][] {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  const rank = (key: string) => {
    const index = fields.indexOf(key);
    return index === -1 ? fields.length : index;
  };
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** Every field's value as typed (strings only; files and missing fields are left out). */
export function formValues<K extends string>(form: FormData, fields: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(fields.flatMap((key) => {
    const value = form.get(key);
    return typeof value === "string" ? [[key, value]] : [];
  })) as Partial<Record<K, string>>;
}

/** What the visitor typed, without empty fields (the backend's schemas read absent as "not given"). */
export function typedFields<K extends string>(values: Partial<Record<K, string>>, fields: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(fields.flatMap((key) => (values[key]?.trim() ? [[key, values[key]]] : []))) as Partial<Record<K, string>>;
}
