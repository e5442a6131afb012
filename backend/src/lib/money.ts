/**
 * Amounts in Dutch notation, the one formatter of e-mails and invoices.
 * Intl puts a no-break space between sign and amount (`€ 12,95` never wraps in a mail);
 * the invoice PDF's font has no such glyph, so invoices take a plain space.
 */
export function formatMoney(amount: number, currencyCode = "eur", decimals?: number): string {
  const digits = decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals }
  return new Intl.NumberFormat("nl-NL", { style: "currency", currency: currencyCode.toUpperCase(), ...digits }).format(amount)
}

/** "€ 1.234,56" from euro cents, with a plain space (invoices). */
export function formatEuro(cents: number): string {
  return formatMoney(cents / 100).replace(/\u00a0/g, " ")
}
