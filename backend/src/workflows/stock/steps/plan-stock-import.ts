import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planStockImport, type ImportLookups, type ImportPlan, type KnownItem } from "../../../lib/stock-import"
import { readItemVariants } from "../../../lib/stock-status"

/** What the planner needs to know about the shop: items by SKU with stock per location, packages, locations. */
export async function loadImportLookups(container: MedusaContainer): Promise<ImportLookups> {
  const inventory = container.resolve(Modules.INVENTORY)
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const items = (await inventory.listInventoryItems({}, { select: ["id", "sku", "title"] })).filter((i) => i.sku)
  const levels = await inventory.listInventoryLevels(
    { inventory_item_id: items.map((i) => i.id) },
    { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
  )
  const variants = await readItemVariants(container, items.map((i) => i.id))

  const itemsBySku = new Map<string, KnownItem>()
  for (const item of items) {
    const own = (variants.get(item.id) ?? []).find((v) => !v.is_kit)
    const known: KnownItem = {
      inventory_item_id: item.id,
      sku: item.sku!,
      product_title: own?.product_title ?? null,
      variant_title: own?.title ?? item.title ?? null,
      levels: new Map(),
    }
    itemsBySku.set(item.sku!.trim().toUpperCase(), known)
  }
  const byId = new Map([...itemsBySku.values()].map((k) => [k.inventory_item_id, k]))
  for (const level of levels) {
    byId.get(level.inventory_item_id)?.levels.set(level.location_id, {
      stocked: Number(level.stocked_quantity ?? 0),
      reserved: Number(level.reserved_quantity ?? 0),
    })
  }

  // Packages: variants stocked through other items (or several of one), without an item of their own SKU.
  const { data: kitCandidates } = await query.graph({
    entity: "product_variant",
    fields: ["sku", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { manage_inventory: true },
  })
  const kitSkus = new Set<string>()
  for (const variant of kitCandidates as any[]) {
    const links = (variant.inventory_items ?? []).filter(Boolean)
    const sku = variant.sku?.trim().toUpperCase()
    if (!sku || itemsBySku.has(sku)) continue
    if (links.length > 1 || (links.length === 1 && Number(links[0].required_quantity ?? 1) !== 1)) kitSkus.add(sku)
  }

  const locations = await stockLocations.listStockLocations({}, { select: ["id", "name"] })
  return { itemsBySku, kitSkus, locations: locations.map((l) => ({ id: l.id, name: l.name })) }
}

export const planStockImportStepId = "plan-stock-import"

/** Reads the CSV against the shop's items and locations; writes nothing. */
export const planStockImportStep = createStep(planStockImportStepId, async (input: { csv: string }, { container }) => {
  const plan: ImportPlan = planStockImport(input.csv, await loadImportLookups(container))
  return new StepResponse(plan)
})
