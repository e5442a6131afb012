import fs from "node:fs"
import { REFERENCE_DATA_FIXTURE } from "../../../../integration-tests/fixtures/reference-data"
import { parseGeonamesPostalCodes } from "../reference-data/geonames"
import { ADJACENT_MAX_KM, nearbyPostcodes, type PostcodeCentre } from "../utils/nearby-postcodes"

/** The project's own PC4 fixture, one centre per PC4 (the mean of its rows, as the service takes it). */
function fixtureCentres(): PostcodeCentre[] {
  const rows = parseGeonamesPostalCodes(fs.readFileSync(REFERENCE_DATA_FIXTURE, "utf8"))
  const sums = new Map<string, { lat: number; lng: number; n: number }>()
  for (const r of rows) {
    const s = sums.get(r.pc4) ?? { lat: 0, lng: 0, n: 0 }
    sums.set(r.pc4, { lat: s.lat + r.lat, lng: s.lng + r.lng, n: s.n + 1 })
  }
  return [...sums].map(([pc4, s]) => ({ pc4, lat: s.lat / s.n, lng: s.lng / s.n }))
}

const near = (centres: PostcodeCentre[], own: string[], km: number) => new Map(nearbyPostcodes(centres, own, km).map((n) => [n.pc4, n]))

describe("nearbyPostcodes (Buurgroepen: adjacent PC4s and PC4s within the chosen distance)", () => {
  const centres = fixtureCentres()

  it("finds 3582 next to 3581 in Utrecht at 1 km, though their centres lie 1.1 km apart (stranger's walk)", () => {
    const found = near(centres, ["3581"], 1)
    expect(found.get("3582")).toEqual({ pc4: "3582", adjacent: true, gap_km: 0 })
    expect(found.get("3583")).toMatchObject({ adjacent: true, gap_km: 0 })
    // and back: bordering is mutual
    expect(near(centres, ["3582"], 1).get("3581")).toMatchObject({ adjacent: true })
  })

  it("measures the gap from edge to edge: 3584 lies beyond 3583, under 1 km from 3581's area; 3564 north of the centre at 2–5 km", () => {
    const one = near(centres, ["3581"], 1)
    expect(one.get("3584")).toMatchObject({ adjacent: false })
    expect(one.get("3584")!.gap_km).toBeGreaterThan(0.5)
    expect(one.get("3584")!.gap_km).toBeLessThanOrEqual(1)
    expect(one.has("3564")).toBe(false)
    expect(near(centres, ["3581"], 2).has("3564")).toBe(false)
    const five = near(centres, ["3581"], 5).get("3564")!
    expect(five.adjacent).toBe(false)
    expect(five.gap_km).toBeGreaterThan(2)
    expect(five.gap_km).toBeLessThanOrEqual(5)
  })

  it("never lists our own PC4s, nor another city", () => {
    const found = near(centres, ["3581", "3582"], 5)
    expect(found.has("3581")).toBe(false)
    expect(found.has("3582")).toBe(false)
    expect([...found.keys()].some((pc4) => pc4.startsWith("10"))).toBe(false) // Amsterdam, ~35 km
  })

  it("takes the nearest of several own PC4s, and an unknown own PC4 finds nothing", () => {
    expect(near(centres, ["1011", "3581"], 1).get("3582")).toMatchObject({ adjacent: true })
    expect(nearbyPostcodes(centres, ["1000"], 5)).toEqual([])
    expect(nearbyPostcodes([], ["3581"], 5)).toEqual([])
  })

  it("in the country: PC4s 3 km apart border each other at any distance; the next but one is 3 km from our edge", () => {
    // a line of rural PC4s, centres 3 km apart (0.027° of latitude)
    const line = Array.from({ length: 6 }, (_, i) => ({ pc4: String(9000 + i), lat: 52 + i * 0.027, lng: 6 }))
    const one = near(line, ["9002"], 1)
    expect([...one.keys()].sort()).toEqual(["9001", "9003"])
    expect(one.get("9001")).toMatchObject({ adjacent: true, gap_km: 0 })
    const five = near(line, ["9002"], 5)
    expect([...five.keys()].sort()).toEqual(["9000", "9001", "9003", "9004"])
    expect(five.get("9004")!.gap_km).toBeCloseTo(3, 1)
  })

  it(`does not count a border between centres more than ${ADJACENT_MAX_KM} km apart (two towns across a lake)`, () => {
    // two towns of three PC4s 1 km apart, 16 km between them: nothing lies between them, yet they do not border
    const town = (first: number, lat: number) => [0, 1, 2].map((i) => ({ pc4: String(first + i), lat, lng: 5 + i * 0.0147 }))
    const towns = [...town(8000, 52.5), ...town(8100, 52.5 + 0.144)]
    expect([...near(towns, ["8002"], 5).keys()].sort()).toEqual(["8000", "8001"])
  })
})
