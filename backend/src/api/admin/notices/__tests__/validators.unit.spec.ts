import { fieldErrors } from "../../../middlewares/validation"
import { AuthorCreateNotice } from "../../../store/notices/author/validators"
import { AdminCreateNotice, AdminCreateNoticeAuthor, AdminGetNoticesParams, AdminUpdateNotice } from "../validators"

const errorsOf = (schema: any, input: unknown) => {
  const result = schema.safeParse(input)
  return result.success ? {} : fieldErrors(result.error)
}

const VALID = { title: " Let op ", body: "Insluipingen", municipality_codes: ["0344"], ends_at: "2099-01-01T00:00:00Z" }

describe("AdminCreateNotice", () => {
  it("normalises codes and postcodes, trims text and starts now by default", () => {
    const parsed = AdminCreateNotice.parse({ ...VALID, municipality_codes: "0363, 0344 0344", postcodes: "3581 AB, 3012;3581" })
    expect(parsed).toMatchObject({ title: "Let op", municipality_codes: ["0344", "0363"], postcodes: ["3012", "3581"] })
    expect(parsed.starts_at).toBeUndefined()
    expect(parsed.ends_at).toEqual(new Date("2099-01-01T00:00:00Z"))
  })

  it("needs a target, an end after the start and a title, with a Dutch message per field", () => {
    expect(errorsOf(AdminCreateNotice, { ...VALID, municipality_codes: [] })).toEqual({
      municipality_codes: "Kies minstens één gemeente of postcodegebied (PC4)",
    })
    expect(errorsOf(AdminCreateNotice, { ...VALID, starts_at: "2099-02-01", ends_at: "2099-01-01" })).toEqual({
      ends_at: "De einddatum moet na de begindatum liggen",
    })
    expect(errorsOf(AdminCreateNotice, { ...VALID, ends_at: "2000-01-01" })).toEqual({ ends_at: "De einddatum moet na de begindatum liggen" })
    expect(errorsOf(AdminCreateNotice, { ...VALID, title: "" })).toEqual({ title: "Vul een titel in" })
    expect(errorsOf(AdminCreateNotice, { ...VALID, title: undefined })).toEqual({ title: "Vul een titel in" })
    expect(errorsOf(AdminCreateNotice, { ...VALID, ends_at: "" })).toEqual({ ends_at: "Vul een einddatum in" })
    expect(errorsOf(AdminCreateNotice, { ...VALID, ends_at: "morgen" })).toEqual({ ends_at: "Vul een geldige einddatum in" })
    expect(errorsOf(AdminCreateNotice, { ...VALID, postcodes: ["12345"] }).postcodes).toMatch(/vier cijfers/)
    expect(errorsOf(AdminCreateNotice, { ...VALID, municipality_codes: ["utrecht"] }).municipality_codes).toMatch(/vier cijfers/)
    expect(errorsOf(AdminCreateNotice, { ...VALID, author_label: "x" }).author_label).toMatch(/namens wie/)
    expect(errorsOf(AdminCreateNotice, { ...VALID, withdrawn_at: "2099-01-01" })).toEqual({ withdrawn_at: 'Onbekend veld "withdrawn_at"' })
  })
})

describe("AdminUpdateNotice", () => {
  it("accepts partial edits and checks what it can see", () => {
    expect(errorsOf(AdminUpdateNotice, { title: "Nieuw" })).toEqual({})
    expect(errorsOf(AdminUpdateNotice, { municipality_codes: [] })).toEqual({})
    expect(errorsOf(AdminUpdateNotice, { municipality_codes: [], postcodes: [] })).toEqual({
      municipality_codes: "Kies minstens één gemeente of postcodegebied (PC4)",
    })
    expect(errorsOf(AdminUpdateNotice, { starts_at: "2099-02-01", ends_at: "2099-01-01" })).toEqual({
      ends_at: "De einddatum moet na de begindatum liggen",
    })
  })
})

describe("AdminGetNoticesParams", () => {
  it("filters by status with limits", () => {
    expect(AdminGetNoticesParams.parse({ status: "planned", limit: "10" })).toEqual({ status: "planned", limit: 10, offset: 0 })
    expect(errorsOf(AdminGetNoticesParams, { status: "oud" }).status).toMatch(/current, planned, ended, withdrawn/)
  })
})

describe("AuthorCreateNotice", () => {
  it("is a notice without author_label (the account's organisation signs it)", () => {
    expect(errorsOf(AuthorCreateNotice, VALID)).toEqual({})
    expect(errorsOf(AuthorCreateNotice, { ...VALID, author_label: "Politie" })).toEqual({ author_label: 'Onbekend veld "author_label"' })
    expect(errorsOf(AuthorCreateNotice, { ...VALID, municipality_codes: [] }).municipality_codes).toMatch(/minstens één gemeente/)
  })
})

describe("AdminCreateNoticeAuthor", () => {
  const ACCOUNT = { name: "Jan Agent", email: "Jan@Politie.Example", organisation: "Wijkagent Utrecht-Oost", municipality_codes: "0344,0345", password: "een-lang-wachtwoord" }

  it("lower-cases the e-mail address and needs municipalities and a long password", () => {
    expect(AdminCreateNoticeAuthor.parse(ACCOUNT)).toMatchObject({ email: "jan@politie.example", municipality_codes: ["0344", "0345"] })
    expect(errorsOf(AdminCreateNoticeAuthor, { ...ACCOUNT, municipality_codes: [] })).toEqual({ municipality_codes: "Kies minstens één gemeente" })
    expect(errorsOf(AdminCreateNoticeAuthor, { ...ACCOUNT, password: "kort" })).toEqual({ password: "Het wachtwoord moet minstens 12 tekens lang zijn" })
    expect(Object.keys(errorsOf(AdminCreateNoticeAuthor, {})).sort()).toEqual(["email", "municipality_codes", "name", "organisation", "password"])
  })
})
