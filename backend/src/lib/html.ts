/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

const COUNTRIES: Record<string, string> = { nl: "Nederland", be: "België" }

export type AddressLike = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  country_code?: string | null
}

/** An address as the lines on an envelope (Dutch country names for nl/be). */
export function addressLines(a?: AddressLike | null): string[] {
  if (!a) return []
  const country = a.country_code ? COUNTRIES[a.country_code.toLowerCase()] ?? a.country_code.toUpperCase() : ""
  return [
    [a.first_name, a.last_name].filter(Boolean).join(" "),
    a.company ?? "",
    a.address_1 ?? "",
    a.address_2 ?? "",
    [a.postal_code, a.city].filter(Boolean).join(" "),
    country,
  ]
    .map((line) => line.trim())
    .filter(Boolean)
}

/** "25 november 2026" in Dutch, Amsterdam time. */
export function formatDateNl(value: string | Date, withTime = false): string {
  const date = typeof value === "string" ? new Date(value) : value
  return new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "long",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Europe/Amsterdam",
  }).format(date)
}
