import { containsPhoneNumber, normalisePhone } from "../phone"

describe("containsPhoneNumber", () => {
  it.each(["06 12345678", "0612345678", "+31 6 1234 5678", "+31 (0)6-12.34.56.78", "Anouk 020-1234567", "００６１２３４５６７８"])(
    "finds %s",
    (value) => expect(containsPhoneNumber(value)).toBe(true)
  )

  it.each(["Anouk", "Jan-Willem", "Anouk 2", "Marieke 1985", "Straat 12 3581"])("leaves %s alone", (value) =>
    expect(containsPhoneNumber(value)).toBe(false)
  )

  it("agrees with normalisePhone on whole numbers", () => {
    expect(normalisePhone("06 12345678")).toBe("+31612345678")
    expect(containsPhoneNumber("06 12345678")).toBe(true)
  })
})
