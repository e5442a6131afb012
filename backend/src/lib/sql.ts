/**
 * A PostgreSQL text[] literal, bound as one parameter (knex would expand a JS array into a list of
 * parameters). Every value is quoted and its quotes and backslashes escaped, so none can break out.
 */
export function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`
}
