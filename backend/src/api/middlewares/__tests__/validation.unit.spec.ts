import { invalidDataBody } from "../validation"

describe("invalidDataBody", () => {
  it("keeps one field's message as it is", () => {
    expect(invalidDataBody({ name: "Deel nooit de uitnodigingslink van je groep" }).message).toBe("Deel nooit de uitnodigingslink van je groep")
    expect(invalidDataBody({ lat: "Klopt dat?" }).message).toBe("Klopt dat?")
  })

  it("joins several fields' messages without a doubled full stop (the walk: 'klopt.. Vink aan')", () => {
    const body = invalidDataBody({ lat: "Het punt ligt 158 km van postcode 3581. Vink aan dat het punt klopt.", confirm_far_point: "Vink aan of het punt klopt" })
    expect(body.message).toBe("Het punt ligt 158 km van postcode 3581. Vink aan dat het punt klopt. Vink aan of het punt klopt")
    expect(body.message).not.toContain("..")
    expect(body.errors.confirm_far_point).toBe("Vink aan of het punt klopt")
  })

  it("says a message shared by two fields once", () => {
    expect(invalidDataBody({ a: "Vul dit in", b: "Vul dit in" }).message).toBe("Vul dit in")
  })
})
