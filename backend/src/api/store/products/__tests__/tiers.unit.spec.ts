import { boundaryQuantities, toTiers } from "../tiers"

describe("boundaryQuantities", () => {
  it("starts at 1 and adds every minimum and the quantity after every maximum", () => {
    expect(
      boundaryQuantities([
        { min_quantity: null, max_quantity: null },
        { min_quantity: 5, max_quantity: 9 },
        { min_quantity: "10", max_quantity: null },
        { min_quantity: 1, max_quantity: 2 },
      ])
    ).toEqual([1, 3, 5, 10])
  })
})

describe("toTiers", () => {
  it("merges quantities with the same price and closes each tier before the next", () => {
    expect(
      toTiers([
        { quantity: 10, amount: 17.55 },
        { quantity: 1, amount: 19.95 },
        { quantity: 3, amount: 19.95 },
        { quantity: 5, amount: 18.55 },
      ])
    ).toEqual([
      { min_quantity: 1, max_quantity: 4, amount: 19.95 },
      { min_quantity: 5, max_quantity: 9, amount: 18.55 },
      { min_quantity: 10, max_quantity: null, amount: 17.55 },
    ])
    expect(toTiers([])).toEqual([])
  })
})
