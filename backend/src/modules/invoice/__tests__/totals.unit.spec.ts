import { formatEuro } from "../../../lib/money"
import { formatInvoiceNumber, invoiceTotals, unitPriceExclText, vatIncluded, type InvoiceLineInput } from "../totals"

const item = (quantity: number, unit: number, extra: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({
  kind: "item",
  title: "Straatbord",
  quantity,
  unit_price_incl: unit,
  total_incl: Math.round(unit * quantity * 100) / 100,
  vat_rate: 21,
  ...extra,
})

describe("invoiceTotals", () => {
  it("computes btw from prices incl. btw over the total, rounded to cents", () => {
    // 3 × € 19,95 + € 6,95 shipping = € 66,80 incl.; btw = 66,80 × 21/121 = 11,5934 → 11,59
    const totals = invoiceTotals([item(3, 19.95), { ...item(1, 6.95), kind: "shipping", title: "Verzending" }])
    expect(totals.total_incl).toBe(6680)
    expect(totals.total_vat).toBe(1159)
    expect(totals.total_excl).toBe(5521)
    expect(totals.vat).toEqual([{ rate: 21, base: 5521, vat: 1159 }])
  })

  it("spreads the amounts excl. btw over the lines so they add up exactly to the total excl.", () => {
    const totals = invoiceTotals([item(3, 19.95), { ...item(1, 6.95), kind: "shipping", title: "Verzending" }])
    // exact: 49,4628 and 5,7438 → floors 49,46 + 5,74 = 55,20; the missing cent goes to the larger remainder
    expect(totals.lines.map((l) => l.total_excl)).toEqual([4946, 575])
    expect(totals.lines.reduce((s, l) => s + l.total_excl, 0)).toBe(totals.total_excl)
    // unit price excl.: 19,95 / 1,21 = 16,4876 → 1648,76 cents; a single piece shows its amount
    expect(totals.lines.map((l) => l.unit_price_excl)).toEqual([1648.76, 575])
  })

  it("prints a unit price that multiplies out to the line's amount (no '3 × € 2,44 = € 7,31')", () => {
    const totals = invoiceTotals([item(3, 2.95), item(1, 2.95), item(2, 12.1)])
    const [three, one, two] = totals.lines
    expect(three.total_excl).toBe(731)
    expect(unitPriceExclText(three)).toBe("€ 2,4380")
    expect(unitPriceExclText(one)).toBe("€ 2,44")
    // € 12,10 incl. is exactly € 10,00 excl.: cents suffice
    expect(unitPriceExclText(two)).toBe("€ 10,00")
  })

  it("keeps every line sum consistent for many lines with awkward cents", () => {
    const prices = [0.01, 0.02, 0.99, 1.01, 2.95, 12.95, 19.95, 39.95, 123.45]
    const totals = invoiceTotals(prices.map((p, i) => item(i + 1, p)))
    const incl = prices.reduce((s, p, i) => s + Math.round(p * (i + 1) * 100), 0)
    expect(totals.total_incl).toBe(incl)
    expect(totals.total_vat).toBe(Math.round((incl * 21) / 121))
    expect(totals.lines.reduce((s, l) => s + l.total_excl, 0)).toBe(totals.total_excl)
    for (const line of totals.lines) {
      // Never more than a cent from the exact amount.
      expect(Math.abs(line.total_excl - (line.total_incl * 100) / 121)).toBeLessThan(1)
    }
  })

  it("specifies btw per rate", () => {
    const totals = invoiceTotals([item(2, 10), item(1, 10.9, { vat_rate: 9, title: "Boek" })])
    expect(totals.vat).toEqual([
      { rate: 21, base: 1653, vat: 347 }, // 20,00 × 21/121 = 3,4711
      { rate: 9, base: 1000, vat: 90 }, // 10,90 × 9/109 = 0,90
    ])
    expect(totals.total_vat).toBe(437)
    expect(totals.total_excl).toBe(2653)
  })

  it("uses the line total after discounts, not unit × quantity", () => {
    const totals = invoiceTotals([item(2, 19.95, { total_incl: 35.91 })])
    expect(totals.total_incl).toBe(3591)
    expect(totals.total_vat).toBe(vatIncluded(3591, 21))
  })

  it("handles an empty invoice and zero amounts", () => {
    expect(invoiceTotals([])).toEqual({ lines: [], vat: [], total_excl: 0, total_vat: 0, total_incl: 0 })
    expect(invoiceTotals([item(1, 0)]).total_vat).toBe(0)
  })
})

describe("vatIncluded", () => {
  it("rounds half up to whole cents", () => {
    expect(vatIncluded(121, 21)).toBe(21)
    expect(vatIncluded(1995, 21)).toBe(346) // 346,24
    expect(vatIncluded(695, 21)).toBe(121) // 120,62
    expect(vatIncluded(0, 21)).toBe(0)
  })
})

describe("formatting", () => {
  it("prints invoice numbers with six digits and euros the Dutch way", () => {
    expect(formatInvoiceNumber(1)).toBe("F000001")
    expect(formatInvoiceNumber(1234567)).toBe("F1234567")
    expect(formatEuro(123456)).toBe("€ 1.234,56")
    expect(formatEuro(5)).toBe("€ 0,05")
  })
})
