import { distanceKm, FAR_POINT_KM, farPoint, farPointMessage } from "../utils/geo"

// Utrecht Oost (3581) and Amsterdam Centrum (1012): about 35 km apart
const UTRECHT = { pc4: "3581", lat: 52.0904, lng: 5.1342 }
const UTRECHT_NORTH = { pc4: "3582", lat: 52.0968, lng: 5.1395 }
const AMSTERDAM = { lat: 52.3731, lng: 4.8922 }

describe("distance maths", () => {
  it("measures Utrecht–Amsterdam as about 35.6 km (haversine)", () => {
    expect(distanceKm(UTRECHT, AMSTERDAM)).toBeCloseTo(35.6, 0)
  })

  it("measures one degree of latitude as about 111 km, one of longitude at 52° as about 68.5 km", () => {
    expect(distanceKm({ lat: 52, lng: 5 }, { lat: 53, lng: 5 })).toBeCloseTo(111.2, 0)
    expect(distanceKm({ lat: 52, lng: 5 }, { lat: 52, lng: 6 })).toBeCloseTo(68.5, 0)
  })
})

describe("farPoint", () => {
  it("accepts a point near any of the group's postcodes", () => {
    expect(farPoint({ lat: 52.09, lng: 5.13 }, [UTRECHT, UTRECHT_NORTH])).toBeNull()
  })

  it("reports the nearest postcode and the rounded distance of a point far from all of them", () => {
    expect(farPoint(AMSTERDAM, [UTRECHT, UTRECHT_NORTH])).toEqual({ pc4: "3582", distance_km: 35 })
  })

  it("has nothing to judge without known postcode centres", () => {
    expect(farPoint(AMSTERDAM, [])).toBeNull()
  })

  it("draws the line at FAR_POINT_KM", () => {
    const justInside = { lat: UTRECHT.lat + (FAR_POINT_KM - 0.5) / 111.2, lng: UTRECHT.lng }
    const justOutside = { lat: UTRECHT.lat + (FAR_POINT_KM + 0.5) / 111.2, lng: UTRECHT.lng }
    expect(farPoint(justInside, [UTRECHT])).toBeNull()
    expect(farPoint(justOutside, [UTRECHT])).toMatchObject({ pc4: "3581" })
  })

  it("says it in Dutch with the distance", () => {
    expect(farPointMessage({ pc4: "1234", distance_km: 118 })).toBe("Het punt op de kaart ligt 118 km van postcode 1234. Klopt dat?")
  })
})
