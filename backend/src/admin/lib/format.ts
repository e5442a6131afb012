/**
 * "25 nov 2026, 14:30": a moment as staff read it in the admin's lists and detail
 * pages, always in Amsterdam time (the shop's time, whatever the browser's zone);
 * a missing value as a dash.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "–"
  return new Date(value).toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" })
}

/** "1 regel", "3 regels": a count with the Dutch singular or plural. */
export function dutchCount(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
