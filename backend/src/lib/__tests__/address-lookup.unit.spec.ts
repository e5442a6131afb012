import { normaliseFullPostcode } from "../../modules/neighbourhood-group/utils/postcode"
import { LruCache, parsePoint, pickAddress } from "../address-lookup"

const doc = (extra: Record<string, unknown>) => ({
  straatnaam: "Piusstraat",
  huisnummer: 12,
  postcode: "5038AB",
  woonplaatsnaam: "Tilburg",
  gemeentenaam: "Tilburg",
  centroide_ll: "POINT(5.07412 51.56123)",
  ...extra,
})

describe("address lookup helpers", () => {
  it("reads Locatieserver's WKT point as longitude first", () => {
    expect(parsePoint("POINT(5.07412 51.56123)")).toEqual({ lat: 51.56123, lng: 5.07412 })
    expect(parsePoint("POINT(nonsense)")).toBeUndefined()
    expect(parsePoint(undefined)).toBeUndefined()
  })

  it("normalises postcodes and refuses letters PostNL never issues", () => {
    expect(normaliseFullPostcode(" 5038 ab")).toBe("5038AB")
    expect(normaliseFullPostcode("5038SA")).toBeUndefined()
    expect(normaliseFullPostcode("0038AB")).toBeUndefined()
  })

  it("picks the requested letter or addition, the plain number without one", () => {
    const docs = [doc({ huisletter: "A" }), doc({}), doc({ huisnummertoevoeging: "2" }), doc({ huisletter: "B", huisnummertoevoeging: "1" })]
    const query = { postcode: "5038AB", huisnummer: 12 }
    expect(pickAddress(docs, query)?.addition).toBe("")
    expect(pickAddress(docs, { ...query, toevoeging: "a" })?.addition).toBe("A")
    expect(pickAddress(docs, { ...query, toevoeging: " 2" })?.addition).toBe("2")
    expect(pickAddress(docs, { ...query, toevoeging: "B-1" })?.addition).toBe("B-1")
    expect(pickAddress(docs, { ...query, toevoeging: "b1" })?.addition).toBe("B-1")
    expect(pickAddress(docs, { ...query, toevoeging: "C" })).toBeUndefined()
    // a document for another number or postcode (a fuzzy match) is never taken
    expect(pickAddress([doc({ huisnummer: 120 })], query)).toBeUndefined()
    expect(pickAddress([doc({ postcode: "5038AC" })], query)).toBeUndefined()
  })

  it("forgets the oldest entry beyond its size and entries past their time to live", () => {
    let now = 0
    const cache = new LruCache<number>(2, 1000, () => now)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1) // a is now the newest
    cache.set("c", 3)
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toBe(1)
    now = 1000
    expect(cache.get("c")).toBeUndefined()
  })
})
