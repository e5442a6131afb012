/**
 * The plan of a CSV stock import (`sku,quantity[,location]`), as a pure function of
 * the file and what the shop knows: a preview row per valid line and a Dutch error
 * per problem with its line number. The import writes only when there are no errors
 * (src/workflows/stock/import-stock.ts).
 */
import { CsvError, parseCsv, type Delimiter } from "./csv"

export const MAX_IMPORT_ROWS = 5000

export type KnownItem = {
  inventory_item_id: string
  sku: string
  product_title: string | null
  variant_title: string | null
  /** Stock per location id. */
  levels: Map<string, { stocked: number; reserved: number }>
}

export type ImportLookups = {
  /** Inventory items by SKU. */
  itemsBySku: Map<string, KnownItem>
  /** SKUs of variants that are packages of other items (no stock of their own). */
  kitSkus: Set<string>
  locations: { id: string; name: string }[]
}

export type ImportRow = {
  line: number
  sku: string
  inventory_item_id: string
  product_title: string | null
  variant_title: string | null
  location_id: string
  location_name: string
  /** Stocked quantity now; null when the item has no stock at this location yet. */
  current_quantity: number | null
  new_quantity: number
  difference: number
  reserved_quantity: number
  warnings: string[]
}

export type ImportError = { line: number; sku?: string; message: string }

export type ImportPlan = {
  delimiter: Delimiter | null
  rows: ImportRow[]
  errors: ImportError[]
  summary: { rows: number; changed: number; unchanged: number; errors: number }
}

const COLUMNS = {
  sku: ["sku", "artikelnummer"],
  quantity: ["quantity", "aantal", "voorraad", "qty"],
  location: ["location", "locatie", "location_id", "magazijn"],
} as const

const norm = (value: string) => value.trim().toLowerCase()
const key = (sku: string) => sku.trim().toUpperCase()

export function planStockImport(csv: string, lookups: ImportLookups): ImportPlan {
  const errors: ImportError[] = []
  const rows: ImportRow[] = []
  const done = (delimiter: Delimiter | null): ImportPlan => {
    errors.sort((a, b) => a.line - b.line)
    const changed = rows.filter((r) => r.difference !== 0 || r.current_quantity === null).length
    return { delimiter, rows, errors, summary: { rows: rows.length, changed, unchanged: rows.length - changed, errors: errors.length } }
  }

  let parsed: ReturnType<typeof parseCsv>
  try {
    parsed = parseCsv(csv)
  } catch (e) {
    if (e instanceof CsvError) {
      errors.push({ line: e.line, message: e.message })
      return done(null)
    }
    throw e
  }
  const { delimiter, records } = parsed
  if (!records.length) {
    errors.push({ line: 1, message: "Het bestand is leeg: verwacht een kopregel (sku;quantity) en een regel per artikel" })
    return done(delimiter)
  }

  const [header, ...data] = records
  const columns = header.fields.map(norm)
  const find = (names: readonly string[]) => columns.findIndex((c) => names.includes(c))
  const col = { sku: find(COLUMNS.sku), quantity: find(COLUMNS.quantity), location: find(COLUMNS.location) }
  if (col.sku < 0 || col.quantity < 0) {
    const missing = [col.sku < 0 && "sku", col.quantity < 0 && "quantity"].filter(Boolean).join(" en ")
    errors.push({
      line: header.line,
      message: `Kopregel mist de kolom ${missing}: de eerste regel moet de kolommen sku en quantity noemen (bijvoorbeeld: sku;quantity;location)`,
    })
    return done(delimiter)
  }
  if (!data.length) {
    errors.push({ line: header.line + 1, message: "Geen artikelen gevonden onder de kopregel" })
    return done(delimiter)
  }
  if (data.length > MAX_IMPORT_ROWS) {
    errors.push({ line: data[MAX_IMPORT_ROWS].line, message: `Te veel regels: maximaal ${MAX_IMPORT_ROWS} artikelen per import` })
    return done(delimiter)
  }

  const locationsByKey = new Map<string, { id: string; name: string }>()
  for (const location of lookups.locations) {
    locationsByKey.set(norm(location.id), location)
    locationsByKey.set(norm(location.name), location)
  }
  const locationName = (id: string) => lookups.locations.find((l) => l.id === id)?.name ?? id
  const seen = new Map<string, number>()

  for (const record of data) {
    const rowErrors: string[] = []
    const cell = (index: number) => (index >= 0 && index < record.fields.length ? record.fields[index].trim() : undefined)
    const sku = cell(col.sku) ?? ""
    const rawQuantity = cell(col.quantity)
    const rawLocation = cell(col.location) ?? ""

    // Quantity
    let quantity: number | undefined
    if (rawQuantity === undefined) rowErrors.push("Kolom quantity ontbreekt op deze regel")
    else if (rawQuantity === "") rowErrors.push("Aantal ontbreekt")
    else if (/^\+?\d+$/.test(rawQuantity)) quantity = Number(rawQuantity)
    else if (/^-\s*\d+([.,]\d+)?$/.test(rawQuantity)) rowErrors.push(`Aantal ${rawQuantity} is negatief: gebruik 0 of meer`)
    else rowErrors.push(`Aantal "${rawQuantity}" is geen heel getal`)
    if (quantity !== undefined && !Number.isSafeInteger(quantity)) {
      rowErrors.push(`Aantal "${rawQuantity}" is te groot`)
      quantity = undefined
    }

    // SKU
    let item: KnownItem | undefined
    if (!sku) rowErrors.push(cell(col.sku) === undefined ? "Kolom sku ontbreekt op deze regel" : "SKU ontbreekt")
    else {
      item = lookups.itemsBySku.get(key(sku))
      if (!item) {
        rowErrors.push(
          lookups.kitSkus.has(key(sku))
            ? `SKU ${sku} is een pakket zonder eigen voorraad: werk de voorraad van de onderdelen bij`
            : `Onbekende SKU "${sku}"`
        )
      }
    }

    // Location
    let locationId: string | undefined
    if (rawLocation) {
      const location = locationsByKey.get(norm(rawLocation))
      if (location) locationId = location.id
      else rowErrors.push(`Onbekende locatie "${rawLocation}"`)
    } else if (item) {
      const levels = [...item.levels.keys()]
      if (levels.length === 1) locationId = levels[0]
      else if (levels.length === 0 && lookups.locations.length === 1) locationId = lookups.locations[0].id
      else if (levels.length > 1) rowErrors.push("Dit artikel ligt op meerdere locaties: vul de kolom location in")
      else rowErrors.push("Er zijn meerdere voorraadlocaties: vul de kolom location in")
    }

    // Duplicates: the same item at the same location twice.
    if (item && locationId) {
      const dupKey = `${item.inventory_item_id}@${locationId}`
      const first = seen.get(dupKey)
      if (first !== undefined) rowErrors.push(`SKU ${sku} staat dubbel in het bestand (ook op regel ${first})`)
      else seen.set(dupKey, record.line)
    }

    if (rowErrors.length || !item || !locationId || quantity === undefined) {
      for (const message of rowErrors) errors.push({ line: record.line, ...(sku ? { sku } : {}), message })
      continue
    }
    const level = item.levels.get(locationId)
    const current = level ? level.stocked : null
    const reserved = level?.reserved ?? 0
    const warnings: string[] = []
    if (quantity < reserved) {
      warnings.push(`Minder dan gereserveerd (${reserved}): beschikbaar wordt ${quantity - reserved}`)
    }
    if (!level) warnings.push(`Nog geen voorraad op ${locationName(locationId)}: de locatie wordt toegevoegd`)
    rows.push({
      line: record.line,
      sku: item.sku,
      inventory_item_id: item.inventory_item_id,
      product_title: item.product_title,
      variant_title: item.variant_title,
      location_id: locationId,
      location_name: locationName(locationId),
      current_quantity: current,
      new_quantity: quantity,
      difference: quantity - (current ?? 0),
      reserved_quantity: reserved,
      warnings,
    })
  }
  return done(delimiter)
}
