import { INVOICE_ERRORS, parseInvoiceDetails } from "../details"

const ok = (input: Record<string, unknown>) => {
  const result = parseInvoiceDetails(input)
  if (!result.success) throw new Error(JSON.stringify(result.errors))
  return result.data
}
const errors = (input: unknown) => {
  const result = parseInvoiceDetails(input)
  if (result.success) throw new Error("expected errors")
  return result.errors
}

describe("invoice details", () => {
  it("accepts a KvK number and normalises spaces and dots", () => {
    expect(ok({ organisation: " Gemeente Utrecht ", kvk_number: "3020 34.10" })).toEqual({
      organisation: "Gemeente Utrecht",
      kvk_number: "30203410",
    })
  })

  it("accepts Dutch and Belgian btw numbers in any case and spacing", () => {
    expect(ok({ organisation: "X", vat_number: "nl 0017.34.539.b01" }).vat_number).toBe("NL001734539B01")
    expect(ok({ organisation: "X", vat_number: "BE 0207.437.468" }).vat_number).toBe("BE0207437468")
    expect(ok({ organisation: "X", vat_number: "BE1234567890" }).vat_number).toBe("BE1234567890")
  })

  it("refuses malformed KvK numbers", () => {
    for (const kvk of ["1234567", "123456789", "1234567a", "KVK12345678"]) {
      expect(errors({ organisation: "X", kvk_number: kvk })).toEqual({ kvk_number: INVOICE_ERRORS.kvk })
    }
  })

  it("refuses malformed btw numbers", () => {
    for (const vat of ["NL123456789", "NL123456789B1", "NL12345678B01", "BE2123456789", "BE012345678", "DE123456789", "123456789B01"]) {
      expect(errors({ organisation: "X", vat_number: vat })).toEqual({ vat_number: INVOICE_ERRORS.vat })
    }
  })

  it("needs an organisation and a KvK or btw number", () => {
    expect(errors({})).toEqual({ organisation: INVOICE_ERRORS.organisation, kvk_number: INVOICE_ERRORS.kvkOrVat })
    expect(errors(undefined)).toEqual({ organisation: INVOICE_ERRORS.organisation, kvk_number: INVOICE_ERRORS.kvkOrVat })
    expect(errors({ organisation: "X", kvk_number: " ", vat_number: "" })).toEqual({ kvk_number: INVOICE_ERRORS.kvkOrVat })
    expect(errors({ organisation: "   ", kvk_number: "12345678" })).toEqual({ organisation: INVOICE_ERRORS.organisation })
  })

  it("limits the reference and organisation length and checks the invoice e-mail", () => {
    expect(ok({ organisation: "X", kvk_number: "12345678", reference: "x".repeat(50) }).reference).toHaveLength(50)
    expect(errors({ organisation: "X", kvk_number: "12345678", reference: "x".repeat(51) })).toEqual({ reference: INVOICE_ERRORS.reference })
    expect(errors({ organisation: "x".repeat(201), kvk_number: "12345678" })).toEqual({ organisation: INVOICE_ERRORS.organisationTooLong })
    expect(errors({ organisation: "X", kvk_number: "12345678", invoice_email: "geen-adres" })).toEqual({ invoice_email: INVOICE_ERRORS.email })
    expect(ok({ organisation: "X", kvk_number: "12345678", invoice_email: " facturen@gemeente.nl " }).invoice_email).toBe("facturen@gemeente.nl")
    expect(ok({ organisation: "X", kvk_number: "12345678", invoice_email: "", reference: "" })).toEqual({ organisation: "X", kvk_number: "12345678" })
  })
})
