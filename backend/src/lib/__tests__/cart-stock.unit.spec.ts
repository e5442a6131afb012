import {
  assertCartFits,
  assertChangeFits,
  demandByInventoryItem,
  insufficientStockError,
  maxQuantityFor,
  type StockSnapshot,
  type VariantStock,
} from "../cart-stock"

const sign: VariantStock = { id: "sign", name: "Straatbord", manage_inventory: true, allow_backorder: false, inventory_items: [{ inventory_item_id: "i-sign", required_quantity: 1 }] }
const kit: VariantStock = {
  id: "kit",
  name: "Buurtpakket",
  manage_inventory: true,
  allow_backorder: false,
  inventory_items: [
    { inventory_item_id: "i-sign", required_quantity: 4 },
    { inventory_item_id: "i-clamp", required_quantity: 4 },
  ],
}
const clamp: VariantStock = { id: "clamp", name: "Klem", manage_inventory: true, allow_backorder: false, inventory_items: [{ inventory_item_id: "i-clamp", required_quantity: 1 }] }

function snapshot(available: Record<string, number>, overrides: Partial<Record<string, Partial<VariantStock>>> = {}): StockSnapshot {
  const variants = new Map<string, VariantStock>([sign, kit, clamp].map((v) => [v.id, { ...v, ...overrides[v.id] }]))
  return { variants, available: new Map(Object.entries(available)) }
}

describe("cart stock, packages expanded", () => {
  it("sums the demand of packages and loose parts per inventory item", () => {
    const demand = demandByInventoryItem([{ variant_id: "kit", quantity: 30 }, { variant_id: "sign", quantity: 120 }], snapshot({}).variants)
    expect(Object.fromEntries(demand)).toEqual({ "i-sign": 240, "i-clamp": 120 })
  })

  it("refuses 30 packages and 120 loose signs against 120 signs, naming how many packages still fit", () => {
    const stock = snapshot({ "i-sign": 120, "i-clamp": 1000 })
    expect(() => assertCartFits([{ variant_id: "kit", quantity: 30 }, { variant_id: "sign", quantity: 120 }], stock)).toThrow(
      "Buurtpakket is uitverkocht. Pas het aantal in je winkelmand aan."
    )
    expect(() => assertCartFits([{ variant_id: "kit", quantity: 10 }, { variant_id: "sign", quantity: 80 }], stock)).not.toThrow()
  })

  it("adding says how many more of the variant can be added", () => {
    const stock = snapshot({ "i-sign": 120, "i-clamp": 1000 })
    const before = [{ variant_id: "sign", quantity: 100 }]
    expect(maxQuantityFor("kit", before, stock)).toBe(5)
    expect(() => assertChangeFits("kit", before, [...before, { variant_id: "kit", quantity: 6 }], stock, "add")).toThrow(
      /^Er zijn er nog maar 5 op voorraad/
    )
    expect(() => assertChangeFits("kit", before, [...before, { variant_id: "kit", quantity: 5 }], stock, "add")).not.toThrow()
  })

  it("setting a quantity says the highest quantity the line can have; lowering always passes", () => {
    const stock = snapshot({ "i-sign": 20, "i-clamp": 1000 })
    const over = [{ variant_id: "kit", quantity: 2 }, { variant_id: "sign", quantity: 30 }] // stock lowered by staff since
    expect(() => assertChangeFits("sign", over, [{ variant_id: "kit", quantity: 2 }, { variant_id: "sign", quantity: 25 }], stock, "set")).not.toThrow()
    const before = [{ variant_id: "kit", quantity: 2 }, { variant_id: "sign", quantity: 10 }]
    expect(() => assertChangeFits("kit", before, [{ variant_id: "kit", quantity: 3 }, { variant_id: "sign", quantity: 10 }], stock, "set")).toThrow(
      /^Er zijn er nog maar 2 op voorraad/
    )
    expect(() => assertChangeFits("kit", before, [{ variant_id: "kit", quantity: 2 }, { variant_id: "sign", quantity: 10 }], stock, "set")).not.toThrow()
  })

  it("the scarcest part limits a package", () => {
    expect(maxQuantityFor("kit", [{ variant_id: "clamp", quantity: 7 }], snapshot({ "i-sign": 400, "i-clamp": 10 }))).toBe(0)
  })

  it("respects backorders and unmanaged inventory", () => {
    const lines = [{ variant_id: "kit", quantity: 30 }, { variant_id: "sign", quantity: 120 }]
    expect(() => assertCartFits(lines, snapshot({ "i-sign": 120, "i-clamp": 1000 }, { kit: { allow_backorder: true } }))).not.toThrow()
    expect(() => assertCartFits(lines, snapshot({ "i-sign": 120, "i-clamp": 1000 }, { kit: { manage_inventory: false } }))).not.toThrow()
    expect(maxQuantityFor("sign", [], snapshot({ "i-sign": 0 }, { sign: { allow_backorder: true } }))).toBe(Infinity)
  })

  it("nothing left reads as sold out, not as 'nog maar 0'", () => {
    expect(insufficientStockError(0).message).toBe("Deze uitvoering is uitverkocht.")
    expect(insufficientStockError(0, "Klem").message).toBe("Klem is uitverkocht. Pas het aantal in je winkelmand aan.")
    expect(insufficientStockError(3).message).toBe("Er zijn er nog maar 3 op voorraad.")
    expect(insufficientStockError(1, "Klem").message).toBe("Er zijn er nog maar 1 op voorraad van Klem. Pas het aantal in je winkelmand aan.")
    const stock = snapshot({ "i-sign": 120, "i-clamp": 1000 })
    const full = [{ variant_id: "sign", quantity: 120 }]
    expect(() => assertChangeFits("sign", full, [{ variant_id: "sign", quantity: 121 }], stock, "add")).toThrow(/^Deze uitvoering is uitverkocht\.$/)
  })

  it("the error is a stable not_allowed / insufficient_inventory", () => {
    try {
      assertCartFits([{ variant_id: "sign", quantity: 2 }], snapshot({ "i-sign": 1 }))
      throw new Error("not refused")
    } catch (e: any) {
      expect([e.type, e.code]).toEqual(["not_allowed", "insufficient_inventory"])
    }
  })
})
