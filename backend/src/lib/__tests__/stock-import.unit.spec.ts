import { planStockImport, type ImportLookups, type KnownItem } from "../stock-import"

const UTRECHT = { id: "sloc_utrecht", name: "Magazijn Utrecht" }
const ZWOLLE = { id: "sloc_zwolle", name: "Magazijn Zwolle" }

function item(sku: string, stocked: number | null, reserved = 0, location = UTRECHT.id): KnownItem {
  return {
    inventory_item_id: `iitem_${sku}`,
    sku,
    product_title: `Product ${sku}`,
    variant_title: "Standaard",
    levels: new Map(stocked === null ? [] : [[location, { stocked, reserved }]]),
  }
}

function lookups(items: KnownItem[], locations = [UTRECHT]): ImportLookups {
  return {
    itemsBySku: new Map(items.map((i) => [i.sku.toUpperCase(), i])),
    kitSkus: new Set(["PAKKET-STARTER"]),
    locations,
  }
}

const shop = lookups([item("BORD-A", 180, 2), item("STK-B", 2500)])

describe("planStockImport", () => {
  it("previews each line: current and new stocked quantity and the difference", () => {
    const plan = planStockImport("sku;quantity\nBORD-A;150\nSTK-B;2500\n", shop)
    expect(plan.errors).toEqual([])
    expect(plan.delimiter).toBe(";")
    expect(plan.rows).toEqual([
      expect.objectContaining({ line: 2, sku: "BORD-A", inventory_item_id: "iitem_BORD-A", location_id: UTRECHT.id, location_name: "Magazijn Utrecht", current_quantity: 180, new_quantity: 150, difference: -30, reserved_quantity: 2, product_title: "Product BORD-A" }),
      expect.objectContaining({ line: 3, sku: "STK-B", current_quantity: 2500, new_quantity: 2500, difference: 0 }),
    ])
    expect(plan.summary).toEqual({ rows: 2, changed: 1, unchanged: 1, errors: 0 })
  })

  it("accepts commas, Dutch column names, lower-case SKUs and extra columns", () => {
    const plan = planStockImport("Artikelnummer,Omschrijving,Aantal\nbord-a,Bord,7\n", shop)
    expect(plan.errors).toEqual([])
    expect(plan.rows[0]).toMatchObject({ sku: "BORD-A", new_quantity: 7 })
  })

  it("reports every problem with its line number in Dutch", () => {
    const csv = ["sku;quantity", "ONBEKEND;5", "BORD-A;-3", "STK-B;12,5", "BORD-A;abc", ";4", "STK-B;", "STK-B", "PAKKET-STARTER;3"].join("\n")
    const plan = planStockImport(csv, shop)
    expect(plan.rows).toEqual([])
    expect(plan.errors).toEqual([
      { line: 2, sku: "ONBEKEND", message: 'Onbekende SKU "ONBEKEND"' },
      { line: 3, sku: "BORD-A", message: "Aantal -3 is negatief: gebruik 0 of meer" },
      { line: 4, sku: "STK-B", message: 'Aantal "12,5" is geen heel getal' },
      { line: 5, sku: "BORD-A", message: 'Aantal "abc" is geen heel getal' },
      { line: 5, sku: "BORD-A", message: "SKU BORD-A staat dubbel in het bestand (ook op regel 3)" },
      { line: 6, message: "SKU ontbreekt" },
      { line: 7, sku: "STK-B", message: "Aantal ontbreekt" },
      { line: 7, sku: "STK-B", message: "SKU STK-B staat dubbel in het bestand (ook op regel 4)" },
      { line: 8, sku: "STK-B", message: "Kolom quantity ontbreekt op deze regel" },
      { line: 8, sku: "STK-B", message: "SKU STK-B staat dubbel in het bestand (ook op regel 4)" },
      { line: 9, sku: "PAKKET-STARTER", message: "SKU PAKKET-STARTER is een pakket zonder eigen voorraad: werk de voorraad van de onderdelen bij" },
    ])
    expect(plan.summary.errors).toBe(11)
  })

  it("needs a header row naming sku and quantity", () => {
    expect(planStockImport("BORD-A;5\nSTK-B;6", shop).errors).toEqual([
      { line: 1, message: expect.stringMatching(/^Kopregel mist de kolom sku en quantity/) },
    ])
    expect(planStockImport("sku;aantal stuks\nBORD-A;5", shop).errors[0].message).toMatch(/^Kopregel mist de kolom quantity:/)
    expect(planStockImport("", shop).errors[0]).toEqual({ line: 1, message: expect.stringMatching(/^Het bestand is leeg/) })
    expect(planStockImport("sku;quantity\n", shop).errors[0]).toEqual({ line: 2, message: "Geen artikelen gevonden onder de kopregel" })
  })

  it("uses the location column with several warehouses, by name or id", () => {
    const two = lookups([item("BORD-A", 10), item("STK-B", null)], [UTRECHT, ZWOLLE])
    const plan = planStockImport("sku;quantity;location\nBORD-A;4;magazijn zwolle\nBORD-A;12;\nSTK-B;1;sloc_utrecht\nSTK-B;2;\nBORD-A;1;Amsterdam", two)
    expect(plan.errors).toEqual([
      { line: 5, sku: "STK-B", message: "Er zijn meerdere voorraadlocaties: vul de kolom location in" },
      { line: 6, sku: "BORD-A", message: 'Onbekende locatie "Amsterdam"' },
    ])
    expect(plan.rows.map((r) => [r.line, r.location_id, r.current_quantity, r.new_quantity])).toEqual([
      [2, ZWOLLE.id, null, 4],
      [3, UTRECHT.id, 10, 12],
      [4, UTRECHT.id, null, 1],
    ])
    expect(plan.rows[0].warnings).toEqual(["Nog geen voorraad op Magazijn Zwolle: de locatie wordt toegevoegd"])
  })

  it("warns (without refusing) when the new count is below what is reserved", () => {
    const plan = planStockImport("sku,quantity\nBORD-A,1", shop)
    expect(plan.errors).toEqual([])
    expect(plan.rows[0].warnings).toEqual(["Minder dan gereserveerd (2): beschikbaar wordt -1"])
  })

  it("reports a quote that is never closed", () => {
    expect(planStockImport('sku,quantity\n"BORD-A,1', shop).errors).toEqual([{ line: 2, message: 'Een aanhalingsteken (") wordt niet afgesloten' }])
  })
})
