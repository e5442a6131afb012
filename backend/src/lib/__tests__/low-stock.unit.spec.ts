import { alertDecision, compareUrgency, isLow, metadataPatch, ownThreshold, thresholdFor } from "../low-stock"

describe("thresholds", () => {
  it("uses the item's own whole-number threshold (number or the admin editor's string), else the default", () => {
    expect(thresholdFor({ low_stock_threshold: 5 }, 10)).toEqual({ threshold: 5, source: "item" })
    expect(thresholdFor({ low_stock_threshold: "0" }, 10)).toEqual({ threshold: 0, source: "item" })
    expect(thresholdFor({}, 10)).toEqual({ threshold: 10, source: "default" })
    expect(thresholdFor(null, 7)).toEqual({ threshold: 7, source: "default" })
    for (const bad of [-1, 2.5, "abc", "", "-3", true, null, 10_000_001]) {
      expect(ownThreshold({ low_stock_threshold: bad })).toBeUndefined()
    }
  })

  it("is low at or below the threshold", () => {
    expect(isLow(10, 10)).toBe(true)
    expect(isLow(11, 10)).toBe(false)
    expect(isLow(0, 0)).toBe(true)
    expect(isLow(1, 0)).toBe(false)
  })
})

describe("urgency order", () => {
  it("sorts by available/threshold, then by available", () => {
    const rows = [
      { sku: "half-of-10", available: 5, threshold: 10 },
      { sku: "sold-out", available: 0, threshold: 10 },
      { sku: "at-threshold", available: 3, threshold: 3 },
      { sku: "half-of-4", available: 2, threshold: 4 },
      { sku: "oversold", available: -2, threshold: 5 },
    ]
    expect([...rows].sort(compareUrgency).map((r) => r.sku)).toEqual(["oversold", "sold-out", "half-of-4", "half-of-10", "at-threshold"])
  })
})

describe("one alert per crossing", () => {
  it("alerts once when low, clears when above again", () => {
    expect(alertDecision(8, 10, {})).toBe("alert")
    expect(alertDecision(3, 10, { low_stock_alerted_at: "2026-11-25T10:00:00Z" })).toBe("none")
    expect(alertDecision(50, 10, { low_stock_alerted_at: "2026-11-25T10:00:00Z" })).toBe("clear")
    expect(alertDecision(50, 10, {})).toBe("none")
  })

  it("removes a metadata key the way Medusa's merge does: with an empty string", () => {
    expect(metadataPatch({ low_stock_alerted_at: null, low_stock_threshold: 4 })).toEqual({ low_stock_alerted_at: "", low_stock_threshold: 4 })
  })
})
