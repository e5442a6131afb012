import { freeShippingFrom } from "../free-shipping"

const zone = (...countries: string[]) => ({ geo_zones: countries.map((country_code) => ({ country_code })) })
const free = (value: number | string, operator = "gte") => ({ amount: 0, currency_code: "eur", price_rules: [{ attribute: "item_total", operator, value }] })

describe("free shipping thresholds from Medusa's shipping prices", () => {
  it("takes the lowest free-from amount per country", () => {
    const options = [
      { service_zone: zone("nl"), prices: [{ amount: 6.95, currency_code: "eur", price_rules: [] }, free(75)] },
      { service_zone: zone("nl"), prices: [{ amount: 2.5, currency_code: "eur" }, free("100")] },
      { service_zone: zone("BE"), prices: [{ amount: 12.95, currency_code: "eur" }, free(150)] },
    ]
    expect(freeShippingFrom(options)).toEqual({ nl: 75, be: 150 })
  })

  it("ignores return options, paid rule prices, other currencies and other rules", () => {
    const options = [
      { rules: [{ attribute: "is_return", value: "true" }], service_zone: zone("nl"), prices: [free(10)] },
      { service_zone: zone("nl"), prices: [{ amount: 3, currency_code: "eur", price_rules: [{ attribute: "item_total", operator: "gte", value: 20 }] }] },
      { service_zone: zone("nl"), prices: [{ ...free(30), currency_code: "usd" }] },
      { service_zone: zone("nl"), prices: [{ amount: 0, currency_code: "eur", price_rules: [{ attribute: "region_id", operator: "eq", value: "reg" }] }] },
    ]
    expect(freeShippingFrom(options)).toEqual({})
  })
})
