import { parseOrderNumber, refusalMessage, withdrawalPeriod } from "../withdrawal-period"

const delivered = (at: string, quantity = 2) => ({ delivered_at: at, items: [{ quantity }] })

describe("withdrawalPeriod", () => {
  const items = [{ quantity: 2 }]

  it("is open before delivery, without a last day", () => {
    expect(withdrawalPeriod({ items, fulfillments: [] })).toEqual({ open: true, last_day: null })
    expect(withdrawalPeriod({ items, fulfillments: [{ delivered_at: null, items: [{ quantity: 2 }] }] })).toEqual({ open: true, last_day: null })
  })

  it("runs 14 calendar days in Dutch time from the delivery, up to the end of the last day", () => {
    // Delivered 1 March 23:30 Dutch time (22:30 UTC): the period ends at the end of 15 March.
    const order = { items, fulfillments: [delivered("2026-03-01T22:30:00Z")] }
    expect(withdrawalPeriod(order, new Date("2026-03-15T22:59:00Z"))).toEqual({ open: true, last_day: "2026-03-15" })
    expect(withdrawalPeriod(order, new Date("2026-03-15T23:01:00Z"))).toEqual({ open: false, reason: "expired", last_day: "2026-03-15" })
  })

  it("starts only when the last unit was delivered (several parcels)", () => {
    const partly = { items: [{ quantity: 3 }], fulfillments: [delivered("2026-01-01T10:00:00Z", 2)] }
    expect(withdrawalPeriod(partly, new Date("2026-06-01T10:00:00Z"))).toEqual({ open: true, last_day: null })
    const all = { items: [{ quantity: 3 }], fulfillments: [delivered("2026-01-01T10:00:00Z", 2), delivered("2026-01-10T10:00:00Z", 1)] }
    expect(withdrawalPeriod(all, new Date("2026-01-20T10:00:00Z"))).toEqual({ open: true, last_day: "2026-01-24" })
  })

  it("ignores cancelled fulfilments and refuses cancelled orders", () => {
    const order = { items, fulfillments: [{ ...delivered("2026-01-01T10:00:00Z"), canceled_at: "2026-01-02T10:00:00Z" }] }
    expect(withdrawalPeriod(order, new Date("2026-06-01T10:00:00Z"))).toEqual({ open: true, last_day: null })
    expect(withdrawalPeriod({ items, canceled_at: "2026-01-02T10:00:00Z" })).toEqual({ open: false, reason: "canceled" })
  })

  it("explains a refusal in Dutch with the last day", () => {
    expect(refusalMessage({ open: false, reason: "expired", last_day: "2026-03-15" })).toMatch(/^De herroepingstermijn van deze bestelling is verlopen op 15 maart 2026/)
  })
})

describe("parseOrderNumber", () => {
  it("accepts the number as printed, with or without #", () => {
    expect(parseOrderNumber("1042")).toBe(1042)
    expect(parseOrderNumber(" #1042 ")).toBe(1042)
    expect(parseOrderNumber("# 7")).toBe(7)
  })
  it("refuses anything else", () => {
    for (const bad of ["", "abc", "10 42", "1042a", "-1", "1".repeat(12)]) expect(parseOrderNumber(bad)).toBeUndefined()
  })
})
