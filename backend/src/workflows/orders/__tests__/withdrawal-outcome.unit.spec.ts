import { cancelsOrder, withdrawalNextSteps, withdrawalSituation, withdrawalStaffTodo } from "../withdrawal-outcome"

const paid = { payment_collections: [{ payments: [{ captured_at: "2026-12-01T10:00:00Z", canceled_at: null }] }] }
const unpaid = { payment_collections: [{ payments: [{ captured_at: null, canceled_at: null }] }] }
const shipped = { fulfillments: [{ canceled_at: null, shipped_at: "2026-12-02T10:00:00Z" }] }

describe("what a withdrawal means for the order", () => {
  it("tells unpaid, paid and shipped orders apart", () => {
    expect(withdrawalSituation(unpaid)).toBe("unpaid")
    expect(withdrawalSituation({})).toBe("unpaid")
    expect(withdrawalSituation(paid)).toBe("paid")
    expect(withdrawalSituation({ ...paid, ...shipped })).toBe("shipped")
    expect(withdrawalSituation({ ...unpaid, ...shipped })).toBe("shipped_unpaid")
  })

  it("ignores cancelled payments and fulfilments and fulfilments not shipped yet", () => {
    expect(withdrawalSituation({ payment_collections: [{ payments: [{ captured_at: "x", canceled_at: "y" }] }] })).toBe("unpaid")
    expect(withdrawalSituation({ ...paid, fulfillments: [{ canceled_at: "x", shipped_at: "y" }] })).toBe("paid")
    expect(withdrawalSituation({ ...paid, fulfillments: [{ canceled_at: null, shipped_at: null }] })).toBe("paid")
    expect(withdrawalSituation({ ...paid, fulfillments: [{ canceled_at: null, delivered_at: "x" }] })).toBe("shipped")
  })

  it("cancels only unpaid, unshipped orders", () => {
    expect(cancelsOrder("unpaid")).toBe(true)
    for (const s of ["paid", "shipped", "shipped_unpaid"] as const) expect(cancelsOrder(s)).toBe(false)
  })

  it("promises a refund only where something was paid, and a return only where something was shipped", () => {
    const text = (s: Parameters<typeof withdrawalNextSteps>[0]) => withdrawalNextSteps(s, "Shop, Straat 1, 1234 AB Stad").join(" ")
    expect(text("unpaid")).toContain("niets te betalen")
    expect(text("unpaid")).not.toMatch(/betalen .*terug op dezelfde manier/)
    expect(text("unpaid")).not.toContain("Stuur de artikelen")
    expect(text("paid")).toContain("binnen 14 dagen terug")
    expect(text("paid")).not.toContain("Stuur de artikelen")
    expect(text("shipped")).toContain("Stuur de artikelen binnen 14 dagen terug naar: Shop, Straat 1, 1234 AB Stad")
    expect(text("shipped")).toContain("binnen 14 dagen na je herroeping terug")
    expect(text("shipped_unpaid")).toContain("Stuur de artikelen")
    expect(text("shipped_unpaid")).not.toContain("terug op dezelfde manier")
  })

  it("tells staff whether the automatic cancellation worked", () => {
    expect(withdrawalStaffTodo("unpaid", true)).toContain("automatisch geannuleerd")
    expect(withdrawalStaffTodo("unpaid", false)).toContain("annuleer de bestelling zelf")
  })
})
