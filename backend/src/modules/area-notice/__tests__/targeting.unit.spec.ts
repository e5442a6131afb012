import { groupInTarget, isCurrent, noticeFieldErrors, noticeStatus, targetGroupFilters } from "../utils/targeting"

const NOW = new Date("2026-11-25T12:00:00Z")
const period = (starts: string, ends: string, withdrawn_at: string | null = null) => ({ starts_at: starts, ends_at: ends, withdrawn_at })

describe("noticeStatus", () => {
  it("is planned before the start, current from the start, ended from the end", () => {
    expect(noticeStatus(period("2026-11-26T00:00:00Z", "2026-11-30T00:00:00Z"), NOW)).toBe("planned")
    expect(noticeStatus(period("2026-11-25T12:00:00Z", "2026-11-30T00:00:00Z"), NOW)).toBe("current")
    expect(noticeStatus(period("2026-11-20T00:00:00Z", "2026-11-25T12:00:00Z"), NOW)).toBe("ended")
    expect(isCurrent(period("2026-11-20T00:00:00Z", "2026-11-25T12:00:01Z"), NOW)).toBe(true)
  })

  it("is withdrawn whatever the dates", () => {
    expect(noticeStatus(period("2026-11-20T00:00:00Z", "2026-11-30T00:00:00Z", "2026-11-24T00:00:00Z"), NOW)).toBe("withdrawn")
    expect(noticeStatus({ starts_at: new Date("2026-11-26"), ends_at: new Date("2026-11-27"), withdrawn_at: new Date() }, NOW)).toBe("withdrawn")
  })
})

describe("groupInTarget", () => {
  const group = { status: "approved", gemeente_code: "0344", postcodes: ["3581", "3582"] }

  it("matches by municipality code or by any shared PC4", () => {
    expect(groupInTarget(group, { municipality_codes: ["0344"], postcodes: [] })).toBe(true)
    expect(groupInTarget(group, { municipality_codes: [], postcodes: ["3582", "1011"] })).toBe(true)
    expect(groupInTarget(group, { municipality_codes: ["0363"], postcodes: ["3583"] })).toBe(false)
  })

  it("never matches a group that is not approved, or one without code and postcodes", () => {
    for (const status of ["pending", "rejected", "archived"]) {
      expect(groupInTarget({ ...group, status }, { municipality_codes: ["0344"], postcodes: ["3581"] })).toBe(false)
    }
    expect(groupInTarget({ status: "approved", gemeente_code: null, postcodes: null }, { municipality_codes: ["0344"], postcodes: ["3581"] })).toBe(false)
  })
})

describe("targetGroupFilters", () => {
  it("builds approved + ($in codes | $overlap postcodes) filters, null without a target", () => {
    expect(targetGroupFilters({ municipality_codes: ["0344"], postcodes: ["3012"] })).toEqual({
      status: "approved",
      $or: [{ gemeente_code: { $in: ["0344"] } }, { postcodes: { $overlap: ["3012"] } }],
    })
    expect(targetGroupFilters({ municipality_codes: [], postcodes: ["3012"] })).toEqual({
      status: "approved",
      $or: [{ postcodes: { $overlap: ["3012"] } }],
    })
    expect(targetGroupFilters({ municipality_codes: [], postcodes: [] })).toBeNull()
  })
})

describe("noticeFieldErrors", () => {
  const valid = {
    title: "Let op",
    body: "Insluipingen rond de Stationsstraat",
    municipality_codes: ["0344"],
    postcodes: [],
    starts_at: "2026-11-25T00:00:00Z",
    ends_at: "2026-11-30T00:00:00Z",
  }

  it("accepts a valid notice", () => {
    expect(noticeFieldErrors(valid)).toEqual({})
    expect(noticeFieldErrors({ ...valid, municipality_codes: [], postcodes: ["3581"] })).toEqual({})
  })

  it("names each problem in Dutch", () => {
    expect(noticeFieldErrors({ ...valid, municipality_codes: [] })).toEqual({ municipality_codes: "Kies minstens één gemeente of postcodegebied (PC4)" })
    expect(noticeFieldErrors({ ...valid, ends_at: valid.starts_at })).toEqual({ ends_at: "De einddatum moet na de begindatum liggen" })
    expect(noticeFieldErrors({ ...valid, title: "  ", body: "" })).toEqual({ title: "Vul een titel in", body: "Schrijf de melding" })
    expect(noticeFieldErrors({ ...valid, title: "x".repeat(121) }).title).toMatch(/hoogstens 120/)
    expect(noticeFieldErrors({ ...valid, body: "x".repeat(2001) }).body).toMatch(/hoogstens 2000/)
    expect(noticeFieldErrors({ ...valid, starts_at: "gisteren" })).toEqual({ starts_at: "Vul een geldige begindatum in" })
  })
})
