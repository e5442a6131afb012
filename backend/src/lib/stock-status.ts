/**
 * Reads the stock of inventory items as staff see it: stocked, reserved and available
 * over all locations, the threshold that applies, and the variants that use the item
 * (its own variant, and packages it is a part of). Used by the low-stock alert, the
 * admin's low-stock list and the threshold widget.
 *
 * Quantities come from the Inventory Module's service (a fresh read, never a cache);
 * names of variants and products through Query's links.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ALERTED_AT_KEY, isLow, thresholdFor, urgency } from "./low-stock"

export type StockVariant = {
  id: string
  title: string | null
  sku: string | null
  product_id: string | null
  product_title: string | null
  /** How many of this item one unit of the variant takes. */
  required_quantity: number
  /** The variant is a package of several items (or needs more than one of this one). */
  is_kit: boolean
}

export type StockStatus = {
  inventory_item_id: string
  sku: string | null
  title: string | null
  threshold: number
  threshold_source: "item" | "default"
  stocked_quantity: number
  reserved_quantity: number
  available_quantity: number
  /** available / threshold (see lib/low-stock.ts): lower is more urgent. */
  urgency: number
  is_low: boolean
  /** When staff were e-mailed about the current crossing, if they were. */
  alerted_at: string | null
  location_count: number
  variants: StockVariant[]
  metadata: Record<string, unknown> | null
}

type Filter = { inventoryItemIds?: string[] }

/** Quantities and thresholds, without variant names. Items without a location level are left out. */
export async function readStockLevels(
  container: MedusaContainer,
  defaultThreshold: number,
  filter: Filter = {}
): Promise<Omit<StockStatus, "variants">[]> {
  if (filter.inventoryItemIds && !filter.inventoryItemIds.length) return []
  const inventory = container.resolve(Modules.INVENTORY)
  const itemFilter = filter.inventoryItemIds ? { id: filter.inventoryItemIds } : {}
  const items = await inventory.listInventoryItems(itemFilter, { select: ["id", "sku", "title", "metadata"] })
  if (!items.length) return []
  const levels = await inventory.listInventoryLevels(
    { inventory_item_id: items.map((i) => i.id) },
    { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] }
  )
  const totals = new Map<string, { stocked: number; reserved: number; count: number }>()
  for (const level of levels) {
    const t = totals.get(level.inventory_item_id) ?? { stocked: 0, reserved: 0, count: 0 }
    t.stocked += Number(level.stocked_quantity ?? 0)
    t.reserved += Number(level.reserved_quantity ?? 0)
    t.count += 1
    totals.set(level.inventory_item_id, t)
  }
  return items
    .filter((item) => totals.has(item.id))
    .map((item) => {
      const t = totals.get(item.id)!
      const metadata = (item.metadata ?? null) as Record<string, unknown> | null
      const { threshold, source } = thresholdFor(metadata, defaultThreshold)
      const available = t.stocked - t.reserved
      const alertedAt = metadata?.[ALERTED_AT_KEY]
      return {
        inventory_item_id: item.id,
        sku: item.sku ?? null,
        title: item.title ?? null,
        threshold,
        threshold_source: source,
        stocked_quantity: t.stocked,
        reserved_quantity: t.reserved,
        available_quantity: available,
        urgency: urgency(available, threshold),
        is_low: isLow(available, threshold),
        alerted_at: typeof alertedAt === "string" && alertedAt ? alertedAt : null,
        location_count: t.count,
        metadata,
      }
    })
}

/** The variants (and their products) that use each of the given inventory items. */
export async function readItemVariants(container: MedusaContainer, inventoryItemIds: string[]): Promise<Map<string, StockVariant[]>> {
  const result = new Map<string, StockVariant[]>()
  if (!inventoryItemIds.length) return result
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: [
      "id",
      "variant_link.required_quantity",
      "variant_link.variant.id",
      "variant_link.variant.title",
      "variant_link.variant.sku",
      "variant_link.variant.product.id",
      "variant_link.variant.product.title",
      "variant_link.variant.inventory_items.inventory_item_id",
    ],
    filters: { id: inventoryItemIds },
  })
  for (const item of data as any[]) {
    const variants: StockVariant[] = []
    for (const link of item.variant_link ?? []) {
      const variant = link?.variant
      if (!variant) continue
      const required = Number(link.required_quantity ?? 1)
      variants.push({
        id: variant.id,
        title: variant.title ?? null,
        sku: variant.sku ?? null,
        product_id: variant.product?.id ?? null,
        product_title: variant.product?.title ?? null,
        required_quantity: required,
        is_kit: required !== 1 || (variant.inventory_items ?? []).filter(Boolean).length > 1,
      })
    }
    // Own variant first, packages after.
    variants.sort((a, b) => Number(a.is_kit) - Number(b.is_kit) || (a.sku ?? "").localeCompare(b.sku ?? ""))
    result.set(item.id, variants)
  }
  return result
}

export async function readStockStatuses(container: MedusaContainer, defaultThreshold: number, filter: Filter = {}): Promise<StockStatus[]> {
  const levels = await readStockLevels(container, defaultThreshold, filter)
  const variants = await readItemVariants(container, levels.map((l) => l.inventory_item_id))
  return levels.map((l) => ({ ...l, variants: variants.get(l.inventory_item_id) ?? [] }))
}

/** The inventory items a variant is stocked by (one for a plain variant, several for a package). */
export async function inventoryItemIdsOfVariant(container: MedusaContainer, variantId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { id: variantId },
  })
  return ((data[0] as any)?.inventory_items ?? []).filter(Boolean).map((i: any) => i.inventory_item_id)
}

/** A short human name: "Straatbord … (30 x 45 cm / Aluminium 1,5 mm)", else the item's title or SKU. */
export function displayName(status: Pick<StockStatus, "title" | "sku" | "variants">): string {
  const own = status.variants.find((v) => !v.is_kit) ?? null
  if (own?.product_title) return own.title && own.title !== "Default variant" ? `${own.product_title} (${own.title})` : own.product_title
  return status.title ?? status.sku ?? "Onbekend artikel"
}
