import { addressFields, addressLines } from "../html"
import { ITEM_LINE_FIELDS, itemLineText, orderItemLines } from "../order-items"

/** An object with every field a Query over `fields` would fill, under `relation`, set to its own name. */
function filled(fields: string[], relation: string): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.slice(relation.length + 1), f.slice(relation.length + 1)]))
}

describe("order lines as the shopper reads them", () => {
  it("names a line by its product, with the variant, and counts it as a number", () => {
    const order = {
      items: [
        { title: "Default", product_title: "Straatbord", variant_title: "30 x 45 cm", quantity: "2" },
        null,
        { title: "Losse klem", product_title: null, variant_title: null, quantity: undefined },
      ],
    }
    expect(orderItemLines(order)).toEqual([
      { title: "Straatbord", variant_title: "30 x 45 cm", quantity: 2 },
      { title: "Losse klem", variant_title: null, quantity: 0 },
    ])
    expect(orderItemLines({ items: null })).toEqual([])
  })

  it("asks Query for every field a line is made of", () => {
    const item = filled(ITEM_LINE_FIELDS, "items")
    expect(Object.keys(item).sort()).toEqual(["product_title", "quantity", "title", "variant_title"])
  })

  it("writes a mail's line as quantity × title (variant)", () => {
    expect(itemLineText({ title: "Straatbord", variant_title: "30 x 45 cm", quantity: 2 })).toBe("2 × Straatbord (30 x 45 cm)")
    expect(itemLineText({ title: "Klem", variant_title: null, quantity: 1 })).toBe("1 × Klem")
  })
})

describe("addressFields", () => {
  it("asks for every part addressLines prints, under the given relation", () => {
    const fields = addressFields("order.shipping_address")
    expect(fields.every((f) => f.startsWith("order.shipping_address."))).toBe(true)
    const address = filled(fields, "order.shipping_address")
    expect(addressLines({ ...address, country_code: "nl" })).toEqual([
      "first_name last_name",
      "company",
      "address_1",
      "address_2",
      "postal_code city",
      "Nederland",
    ])
  })
})
