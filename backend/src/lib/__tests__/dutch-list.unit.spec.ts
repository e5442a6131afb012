import { registeredAdminMail } from "../../workflows/groups/emails"
import { dutchList, postcodesLabel } from "../dutch-list"

describe("dutchList", () => {
  it("joins with commas and 'en' before the last item", () => {
    expect(dutchList([])).toBe("")
    expect(dutchList(["3581"])).toBe("3581")
    expect(dutchList(["3581", "3582"])).toBe("3581 en 3582")
    expect(dutchList(["3581", "3582", "3583"])).toBe("3581, 3582 en 3583")
  })

  it("says 'postcode' for one and 'postcodes' for more", () => {
    expect(postcodesLabel(["3581"])).toBe("postcode 3581")
    expect(postcodesLabel(["3581", "3582"])).toBe("postcodes 3581 en 3582")
  })
})

describe("registration-received mail", () => {
  it("lists a group's postcodes as Dutch text", () => {
    const group = {
      id: "grp_1",
      name: "Buurtpreventie Lindelaan",
      slug: "buurtpreventie-lindelaan",
      woonplaats: "Utrecht",
      gemeente: "Utrecht",
      postcodes: ["3581", "3582"],
      admin_name: "Anna",
      admin_email: "anna@example.com",
    }
    const { text } = registeredAdminMail(group as unknown as Parameters<typeof registeredAdminMail>[0])
    expect(text).toContain('"Buurtpreventie Lindelaan" in Utrecht (postcodes 3581 en 3582).')
    expect(registeredAdminMail({ ...group, postcodes: ["3581"] } as unknown as Parameters<typeof registeredAdminMail>[0]).text).toContain("(postcode 3581).")
  })
})
