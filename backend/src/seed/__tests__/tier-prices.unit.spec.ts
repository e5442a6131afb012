import { planTierPrices, rulesInput, tierPriceRows } from "../tier-prices"

const base = { id: "price_base", amount: 19.95, currency_code: "eur", min_quantity: null, max_quantity: null, price_list_id: null, rules_count: 0, price_rules: [] }
const wanted = tierPriceRows([
  { minQuantity: 10, price: 17.55 },
  { minQuantity: 5, price: 18.55 },
])

describe("tierPriceRows", () => {
  it("runs each tier up to the next one; the last is open-ended", () => {
    expect(wanted).toEqual([
      { amount: 18.55, currency_code: "eur", min_quantity: 5, max_quantity: 9 },
      { amount: 17.55, currency_code: "eur", min_quantity: 10, max_quantity: null },
    ])
  })
})

describe("planTierPrices", () => {
  it("adds missing tiers and keeps the base price", () => {
    expect(planTierPrices([base], wanted)).toEqual([
      { id: "price_base", amount: 19.95, currency_code: "eur", min_quantity: null, max_quantity: null, rules: {} },
      ...wanted,
    ])
  })

  it("changes nothing when the tiers match (amounts may come back as strings)", () => {
    const existing = [
      base,
      { id: "p5", amount: "18.55" as any, currency_code: "eur", min_quantity: "5" as any, max_quantity: 9, rules_count: 0 },
      { id: "p10", amount: 17.55, currency_code: "eur", min_quantity: 10, max_quantity: null, rules_count: 0 },
    ]
    expect(planTierPrices(existing, wanted)).toBeNull()
  })

  it("leaves a variant that has quantity prices alone, even when they differ from the catalogue (staff edits win)", () => {
    const edited = [
      base,
      { id: "p5", amount: 15, currency_code: "eur", min_quantity: 5, max_quantity: 9, rules_count: 0 },
      { id: "p20", amount: 16, currency_code: "eur", min_quantity: 20, max_quantity: null, rules_count: 0 },
    ]
    expect(planTierPrices(edited, wanted)).toBeNull()
  })

  it("adds the tiers beside rule prices (sent back with their rules) and ignores price-list prices", () => {
    const existing = [
      base,
      {
        id: "p_region",
        amount: 18.95,
        currency_code: "eur",
        min_quantity: 5,
        max_quantity: null,
        rules_count: 1,
        price_rules: [{ attribute: "region_id", operator: "eq", value: "reg_nl" }],
      },
      { id: "p_list", amount: 9, currency_code: "eur", min_quantity: 5, max_quantity: null, price_list_id: "plist_1", rules_count: 0 },
    ]
    const plan = planTierPrices(existing, wanted)!
    expect(plan.map((p: any) => p.id)).toEqual(["price_base", "p_region", undefined, undefined])
    expect(plan[1]).toMatchObject({ amount: 18.95, min_quantity: 5, rules: { region_id: "reg_nl" } })
    expect(plan.slice(2)).toEqual(wanted)
  })
})

describe("rulesInput", () => {
  it("turns stored rules into the update's shape", () => {
    expect(rulesInput(null)).toEqual({})
    expect(rulesInput([{ attribute: "region_id", operator: "eq", value: "reg_1" }])).toEqual({ region_id: "reg_1" })
    expect(
      rulesInput([
        { attribute: "item_total", operator: "gte", value: "75" },
        { attribute: "item_total", operator: "lt", value: "150" },
      ])
    ).toEqual({ item_total: [{ operator: "gte", value: 75 }, { operator: "lt", value: 150 }] })
  })
})
