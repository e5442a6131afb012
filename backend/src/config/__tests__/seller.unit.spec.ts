import { DEFAULT_SELLER, readSeller } from "../env"

describe("readSeller", () => {
  it("uses the fictional defaults without configuration", () => {
    expect(readSeller({})).toEqual(DEFAULT_SELLER)
  })

  it("reads the COMPANY_* variables the storefront reads, plus COMPANY_IBAN; blanks fall back", () => {
    const seller = readSeller({ COMPANY_NAME: "Buurtborden B.V.", COMPANY_IBAN: " NL02ABNA0123456789 ", COMPANY_KVK: "  " })
    expect(seller).toMatchObject({ name: "Buurtborden B.V.", iban: "NL02ABNA0123456789", kvk: DEFAULT_SELLER.kvk })
  })
})
