/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

const COUNTRIES: Record<string, string> = { nl: "Nederland", be: "België" }

/** The parts of an address that addressLines prints. */
const ADDRESS_LINE_KEYS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code"] as const

export type AddressLike = { [K in (typeof ADDRESS_LINE_KEYS)[number]]?: string | null }

/**
 * The Query fields addressLines needs of the address at `relation`
 * (`addressFields("shipping_address")` → `shipping_address.first_name`, …), so every
 * order query that prints an address asks for the same parts.
 */
export function addressFields(relation: string): string[] {
  return ADDRESS_LINE_KEYS.map((key) => `${relation}.${key}`)
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
