import { formatEuro, formatMoney } from "../../lib/money"

/**
 * Invoice amounts from the shop's prices, which include btw. Everything is in
 * cents (integers). Btw is computed per rate over the invoice total (allowed by the
 * Belastingdienst and what keeps the totals equal to what the buyer owes); the
 * lines' amounts excl. btw are then spread so they add up exactly to the total excl.
 */
export type InvoiceLineInput = {
  kind: "item" | "shipping"
  title: string
  description?: string | null
  quantity: number
  /** Unit price incl. btw, in major units as Medusa returns it (19.95). */
  unit_price_incl: number
  /** Line total incl. btw after discounts, major units. */
  total_incl: number
  /** Btw rate in percent (21). */
  vat_rate: number
}

export type InvoiceLine = {
  kind: "item" | "shipping"
  title: string
  description: string | null
  quantity: number
  vat_rate: number
  /**
   * Unit price excl. btw in cents, to a hundredth of a cent (243.8 for € 2,95 incl.):
   * rounded to whole cents, quantity × price would not add up to the line's amount.
   */
  unit_price_excl: number
  total_excl: number
  total_incl: number
}

export type VatGroup = { rate: number; base: number; vat: number }

export type InvoiceTotals = {
  lines: InvoiceLine[]
  vat: VatGroup[]
  total_excl: number
  total_vat: number
  total_incl: number
}

export const toCents = (amount: number): number => Math.round(Number(amount) * 100)

/** Btw contained in an amount incl. btw, rounded half up to whole cents. */
export function vatIncluded(inclCents: number, rate: number): number {
  return Math.round((inclCents * rate) / (100 + rate))
}

export function invoiceTotals(inputs: InvoiceLineInput[]): InvoiceTotals {
  const lines: InvoiceLine[] = inputs.map((l) => ({
    kind: l.kind,
    title: l.title,
    description: l.description ?? null,
    quantity: l.quantity,
    vat_rate: l.vat_rate,
    unit_price_excl: Math.round((toCents(l.unit_price_incl) * 10000) / (100 + l.vat_rate)) / 100,
    total_excl: 0,
    total_incl: toCents(l.total_incl),
  }))

  const rates = [...new Set(lines.map((l) => l.vat_rate))].sort((a, b) => b - a)
  const vat: VatGroup[] = rates.map((rate) => {
    const group = lines.filter((l) => l.vat_rate === rate)
    const incl = group.reduce((sum, l) => sum + l.total_incl, 0)
    const groupVat = vatIncluded(incl, rate)
    const base = incl - groupVat
    // Largest remainder: floor each line's exact amount excl., then hand out the
    // cents still missing to the lines that lost the most by flooring.
    const exact = group.map((l) => (l.total_incl * 100) / (100 + rate))
    group.forEach((l, i) => (l.total_excl = Math.floor(exact[i] + 1e-9)))
    let missing = base - group.reduce((sum, l) => sum + l.total_excl, 0)
    const order = group.map((_, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])))
    for (let k = 0; missing > 0 && group.length; k = (k + 1) % group.length, missing--) group[order[k]].total_excl += 1
    for (let k = 0; missing < 0 && group.length; k = (k + 1) % group.length, missing++) group[order[group.length - 1 - k]].total_excl -= 1
    return { rate, base, vat: groupVat }
  })
  // One piece: its price is its amount (the spreading may have moved a cent).
  for (const line of lines) if (line.quantity === 1) line.unit_price_excl = line.total_excl

  const total_incl = lines.reduce((sum, l) => sum + l.total_incl, 0)
  const total_vat = vat.reduce((sum, g) => sum + g.vat, 0)
  return { lines, vat, total_excl: total_incl - total_vat, total_vat, total_incl }
}

/**
 * The unit price excl. btw as printed: in cents when quantity × that price is the line's
 * amount, else to four decimals ("€ 2,4380"), as Dutch invoices do, so "3 × € 2,44 =
 * € 7,31" never appears.
 */
export function unitPriceExclText(line: Pick<InvoiceLine, "unit_price_excl" | "quantity" | "total_excl">): string {
  const cents = Math.round(line.unit_price_excl)
  if (cents * line.quantity === line.total_excl) return formatEuro(cents)
  return formatMoney(line.unit_price_excl / 100, "eur", 4).replace(/\u00a0/g, " ")
}

/** "F000042": the printed form of an invoice number. */
export function formatInvoiceNumber(n: number): string {
  return `F${String(n).padStart(6, "0")}`
}

