import { fieldErrors } from "../../../middlewares/validation"
import { StoreRegisterGroup } from "../validators"

const errorsOf = (body: Record<string, unknown>) => {
  const result = StoreRegisterGroup.safeParse(body)
  return result.success ? {} : fieldErrors(result.error)
}

describe("StoreRegisterGroup", () => {
  it("names a point outside the Netherlands together with every other wrong field", () => {
    const errors = errorsOf({ name: "x", lat: 48.85, lng: 2.35 })
    expect(errors.lat).toBe("Dit punt ligt niet in Nederland")
    expect(Object.keys(errors).sort()).toEqual(
      ["accepted_rules", "admin_email", "admin_name", "admin_phone", "lat", "member_count", "name", "postcodes", "woonplaats"].sort()
    )
  })

  it("names half a point together with the other wrong fields", () => {
    expect(errorsOf({ lat: 52.1 }).lat).toBe("Geef zowel breedtegraad als lengtegraad op")
  })

  it("takes the far-point confirmation as a form checkbox", () => {
    const base = {
      name: "Buurtpreventie Testlaan",
      woonplaats: "Utrecht",
      postcodes: "3581",
      member_count: "12",
      admin_name: "Test",
      admin_email: "test@example.nl",
      admin_phone: "0612345678",
      accepted_rules: "on",
    }
    const on = StoreRegisterGroup.safeParse({ ...base, confirm_far_point: "on" })
    expect(on.success && on.data.confirm_far_point).toBe(true)
    const off = StoreRegisterGroup.safeParse({ ...base, confirm_far_point: "" })
    expect(off.success && off.data.confirm_far_point).toBe(false)
    expect(errorsOf({ ...base, confirm_far_point: "ja?" }).confirm_far_point).toBe("Vink aan of het punt klopt")
  })
})
