import { openStaffRegistration, SEAL_LIFETIME_SECONDS, sealStaffRegistration, staffRegistrationFromHeader, STAFF_REGISTRATION_PREFIX } from "../staff-registration"

const SECRET = "j".repeat(64)
const signUp = { email: "nieuw@buurtpreventie.test", password: "Een-nieuw-wachtwoord-2026" }

describe("sealed staff sign-up", () => {
  it("opens with the same secret, within its lifetime", () => {
    const sealed = sealStaffRegistration(signUp, SECRET, 1_000)
    expect(sealed.startsWith(STAFF_REGISTRATION_PREFIX)).toBe(true)
    expect(sealed).not.toContain(signUp.password)
    expect(openStaffRegistration(sealed, SECRET, 1_000 + SEAL_LIFETIME_SECONDS)).toEqual(signUp)
    expect(staffRegistrationFromHeader(`Bearer ${sealed}`, SECRET)).toBeUndefined() // expired by now (sealed at t=1000)
    expect(staffRegistrationFromHeader(`bearer ${sealStaffRegistration(signUp, SECRET)}`, SECRET)).toEqual(signUp)
  })

  it("refuses expired, tampered, foreign and non-notes", () => {
    const sealed = sealStaffRegistration(signUp, SECRET, 1_000)
    expect(openStaffRegistration(sealed, SECRET, 1_001 + SEAL_LIFETIME_SECONDS)).toBeUndefined()
    expect(openStaffRegistration(sealed, "x".repeat(64), 1_000)).toBeUndefined()
    const body = sealed.slice(STAFF_REGISTRATION_PREFIX.length)
    const flipped = body.slice(0, 40) + (body[40] === "A" ? "B" : "A") + body.slice(41)
    expect(openStaffRegistration(STAFF_REGISTRATION_PREFIX + flipped, SECRET, 1_000)).toBeUndefined()
    for (const other of [undefined, "", "eyJhbGciOiJIUzI1NiJ9.e30.x", STAFF_REGISTRATION_PREFIX, `${STAFF_REGISTRATION_PREFIX}AAAA`]) {
      expect(openStaffRegistration(other, SECRET, 1_000)).toBeUndefined()
    }
    expect(staffRegistrationFromHeader("Basic abc", SECRET)).toBeUndefined()
  })
})
