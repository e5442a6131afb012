import { readShopSettings } from "../../../config/env"
import { StoreUpdateMyGroup } from "../../../api/store/my-group/validators"
import { isInNetherlandsOrBelgium } from "../../../modules/neighbourhood-group/utils/geo"
import { accountSetPasswordMail, accountSignInMail, customerPasswordResetMail, staffPasswordResetMail } from "../../groups/emails"
import { passwordResetLink } from "../send-password-reset-mail"
import { accountUrls } from "../steps/compose-account-mail"
import { normaliseEmail, splitName } from "../steps/ensure-group-admin-account"

describe("group admin accounts", () => {
  it("splits the admin's name for the customer record and normalises the e-mail", () => {
    expect(splitName("Anouk de Vries")).toEqual({ first_name: "Anouk", last_name: "de Vries" })
    expect(splitName("  Bram ")).toEqual({ first_name: "Bram", last_name: "" })
    expect(splitName(null)).toEqual({ first_name: "", last_name: "" })
    expect(normaliseEmail(" Anouk@Example.NL ")).toBe("anouk@example.nl")
  })

  it("links customers to the storefront and staff to the admin's reset page", () => {
    const env = readShopSettings({ STOREFRONT_URL: "https://shop.example/", MEDUSA_ADMIN_URL: "https://api.example" })
    expect(passwordResetLink({ entity_id: "a+b@example.nl", actor_type: "customer", token: "t.k.n" }, env)).toBe(
      "https://shop.example/wachtwoord-instellen?token=t.k.n&email=a%2Bb%40example.nl"
    )
    expect(passwordResetLink({ entity_id: "staf@example.nl", actor_type: "user", token: "x" }, env)).toBe(
      "https://api.example/app/reset-password?token=x&email=staf%40example.nl"
    )
    expect(passwordResetLink({ entity_id: "x@example.nl", actor_type: "vendor", token: "x" }, env)).toBeNull()
    expect(accountUrls("https://shop.example", "a@example.nl", "tok")).toEqual({
      signIn: "https://shop.example/inloggen",
      forgotPassword: "https://shop.example/wachtwoord-vergeten",
      setPassword: "https://shop.example/wachtwoord-instellen?token=tok&email=a%40example.nl",
    })
  })

  it("writes the account e-mails in Dutch, with the links in text and HTML", () => {
    const setMail = accountSetPasswordMail(
      { name: "Buurtpreventie <Lindenlaan>", admin_name: "Anouk" },
      { setPassword: "https://shop.example/wachtwoord-instellen?token=t&email=a", forgotPassword: "https://shop.example/wachtwoord-vergeten" }
    )
    expect(setMail.subject).toBe('Stel je wachtwoord in voor "Mijn groep"')
    expect(setMail.text).toContain("Hallo Anouk,")
    expect(setMail.text).toContain("https://shop.example/wachtwoord-instellen?token=t&email=a")
    expect(setMail.text).toContain("7 dagen geldig")
    expect(setMail.html).toContain("Buurtpreventie &lt;Lindenlaan&gt;")
    expect(setMail.html).toContain("token=t&amp;email=a")
    expect(accountSignInMail({ name: "G", admin_name: null as any }, { signIn: "s", forgotPassword: "f" }).text).toMatch(/^Hallo,/)
    expect(customerPasswordResetMail("L").text).toContain("15 minuten geldig")
    expect(staffPasswordResetMail("L").subject).toBe("Wachtwoord van de beheeromgeving opnieuw instellen")
  })

  it("accepts points in the Netherlands and Belgium only", () => {
    expect(isInNetherlandsOrBelgium(52.09, 5.12)).toBe(true) // Utrecht
    expect(isInNetherlandsOrBelgium(51.05, 3.72)).toBe(true) // Gent
    expect(isInNetherlandsOrBelgium(49.6, 5.8)).toBe(true) // Arlon
    expect(isInNetherlandsOrBelgium(48.85, 2.35)).toBe(false) // Paris
    expect(isInNetherlandsOrBelgium(52.52, 13.4)).toBe(false) // Berlin
  })

  it("validates an edit: unknown fields refused, form strings converted", () => {
    expect(StoreUpdateMyGroup.parse({ member_count: "57", lat: "51,05", lng: "3.72" })).toEqual({ member_count: 57, lat: 51.05, lng: 3.72 })
    expect(StoreUpdateMyGroup.safeParse({ admin_email: "x@example.nl" }).success).toBe(false)
    expect(StoreUpdateMyGroup.safeParse({ lat: "", lng: "" }).success).toBe(true)
    expect(StoreUpdateMyGroup.parse({ member_count: 3 })).toEqual({ member_count: 3 })
  })
})
