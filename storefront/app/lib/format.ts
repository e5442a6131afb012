const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The one Dutch money formatter: 12.95 → "€ 12,95", 1234.5 → "€ 1.234,50".
 * Amounts are in major units (Medusa v2 stores 12.95 for € 12,95).
 * Intl puts a non-breaking space (U+00A0) after the € sign; that is intended.
 */
export function formatMoney(amount: number, currency = "EUR"): string {
  const code = currency.toUpperCase();
  let formatter = formatters.get(code);
  if (!formatter) {
    formatter = new Intl.NumberFormat("nl-NL", { style: "currency", currency: code });
    formatters.set(code, formatter);
  }
  return formatter.format(amount);
}

const dateFormat = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" });

/** The one Dutch date formatter: "2026-11-25T09:00:00Z" → "25 november 2026" (Amsterdam time). */
export function formatDate(value: string | Date): string {
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}

const numberFormat = new Intl.NumberFormat("nl-NL");

/** The one Dutch number formatter: 1024 → "1.024". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A map point's degree for a form field, Dutch comma, 5 decimals (about 1 m; the database keeps float4): 52.090737 → "52,09074". */
export function formatCoordinate(value: number): string {
  return String(Math.round(value * 1e5) / 1e5).replace(".", ",");
}

const listFormat = new Intl.ListFormat("nl-NL", { style: "long", type: "conjunction" });

/** The one Dutch list formatter: ["a", "b", "c"] → "a, b en c"; one item as it is. */
export function formatList(items: readonly string[]): string {
  return listFormat.format(items);
}

/** "postcode 3581" for one, "postcodes 3581 en 3582" for more. */
export function formatPostcodes(pc4s: readonly string[]): string {
  return `${pc4s.length === 1 ? "postcode" : "postcodes"} ${formatList(pc4s)}`;
}
