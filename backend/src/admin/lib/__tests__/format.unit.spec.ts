import { dutchCount } from "../format"

describe("dutchCount", () => {
  it("says 1 regel, not 1 regels", () => {
    expect(dutchCount(1, "regel", "regels")).toBe("1 regel")
    expect(dutchCount(0, "regel", "regels")).toBe("0 regels")
    expect(dutchCount(3, "wijziging", "wijzigingen")).toBe("3 wijzigingen")
  })
})
