/**
 * Stock checks for a whole cart, packages (inventory kits) expanded.
 *
 * Medusa checks each cart line on its own (upstream issue #16502): a package of
 * 4 × BORD-WAB-4060-ALU and 120 loose signs both pass against 120 in stock. Here the
 * demand of every line is summed per inventory item (quantity × required_quantity) and
 * compared with what is available (stocked − reserved) at the stock locations of the
 * cart's sales channel.
 *
 * Backorder settings are Medusa's: a variant with `manage_inventory: false` takes no
 * stock, and a variant with `allow_backorder: true` may go below zero, so its demand
 * is never refused (it does not count against the other lines either: those get the
 * stock on the shelf, the backordered package waits for new stock).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

export type CartLine = { variant_id: string; quantity: number }

export type VariantStock = {
  id: string
  /** "Buurtpakket" or "Straatbord … (40 x 60 cm / Aluminium 1,5 mm)": names the line in messages. */
  name: string
  manage_inventory: boolean
  allow_backorder: boolean
  inventory_items: { inventory_item_id: string; required_quantity: number }[]
}

export type StockSnapshot = {
  variants: Map<string, VariantStock>
  /** Available (stocked − reserved) per inventory item, summed over the channel's locations. */
  available: Map<string, number>
}

/** Whether a variant's lines are limited by stock at all. */
export function isStockLimited(variant: VariantStock | undefined): variant is VariantStock {
  return !!variant && variant.manage_inventory && !variant.allow_backorder && variant.inventory_items.length > 0
}

/** Total stock-limited demand per inventory item across all lines, kits expanded. */
export function demandByInventoryItem(lines: CartLine[], variants: Map<string, VariantStock>): Map<string, number> {
  const demand = new Map<string, number>()
  for (const line of lines) {
    const variant = variants.get(line.variant_id)
    if (!isStockLimited(variant)) continue
    for (const part of variant.inventory_items) {
      demand.set(part.inventory_item_id, (demand.get(part.inventory_item_id) ?? 0) + line.quantity * part.required_quantity)
    }
  }
  return demand
}

/**
 * How many units of `variantId` fit on top of `otherLines` (the rest of the cart,
 * without this variant's own line): the smallest, over the variant's inventory items,
 * of what is left of the item divided by how many one unit takes. Infinity for a
 * variant that stock does not limit.
 */
export function maxQuantityFor(variantId: string, otherLines: CartLine[], stock: StockSnapshot): number {
  const variant = stock.variants.get(variantId)
  if (!isStockLimited(variant)) return Infinity
  const demand = demandByInventoryItem(otherLines, stock.variants)
  let max = Infinity
  for (const part of variant.inventory_items) {
    if (part.required_quantity <= 0) continue
    const left = (stock.available.get(part.inventory_item_id) ?? 0) - (demand.get(part.inventory_item_id) ?? 0)
    max = Math.min(max, Math.floor(left / part.required_quantity))
  }
  return Math.max(0, max)
}

/** The inventory items whose total demand in `lines` exceeds what is available. */
export function shortItems(lines: CartLine[], stock: StockSnapshot): string[] {
  const short: string[] = []
  for (const [itemId, wanted] of demandByInventoryItem(lines, stock.variants)) {
    if (wanted > (stock.available.get(itemId) ?? 0)) short.push(itemId)
  }
  return short
}

/** Sums the quantities of lines of the same variant (Medusa may keep them apart, e.g. with different metadata). */
export function linesByVariant(lines: CartLine[]): CartLine[] {
  const total = new Map<string, number>()
  for (const line of lines) total.set(line.variant_id, (total.get(line.variant_id) ?? 0) + line.quantity)
  return [...total].map(([variant_id, quantity]) => ({ variant_id, quantity }))
}

/** The sold-out answer when the refused line is the one the shopper just touched (the storefront shows it as is). */
export const SOLD_OUT_MESSAGE = "Deze uitvoering is uitverkocht."

/**
 * The error shoppers see when the cart asks for more than there is: HTTP 400,
 * `type: "not_allowed"`, `code: "insufficient_inventory"` (Medusa's own code for stock
 * errors, so clients can tell it apart from other refusals), a Dutch message. With
 * nothing left the message says sold out rather than "nog maar 0"; `name` is given
 * when the refused line is not obviously the one just changed (at completion).
 */
export function insufficientStockError(available: number, name?: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, insufficientStockMessage(available, name), MedusaError.Codes.INSUFFICIENT_INVENTORY)
}

function insufficientStockMessage(available: number, name?: string): string {
  if (available <= 0) return name ? `${name} is uitverkocht. Pas het aantal in je winkelmand aan.` : SOLD_OUT_MESSAGE
  return name
    ? `Er zijn er nog maar ${available} op voorraad van ${name}. Pas het aantal in je winkelmand aan.`
    : `Er zijn er nog maar ${available} op voorraad.`
}

/**
 * Refuses a cart change that raises the demand beyond the stock: `before` are the
 * cart's lines now, `after` the lines the change would leave. A change that lowers or
 * keeps the quantity of a variant always passes (a shopper may reduce a line that
 * stock lowered by staff no longer covers). The message names N: how many of the
 * changed variant can still be added (`mode: "add"`) or the highest quantity its line
 * can have (`mode: "set"`).
 */
export function assertChangeFits(
  variantId: string,
  before: CartLine[],
  after: CartLine[],
  stock: StockSnapshot,
  mode: "add" | "set"
): void {
  const merged = linesByVariant(after)
  const wanted = merged.find((l) => l.variant_id === variantId)?.quantity ?? 0
  const had = linesByVariant(before).find((l) => l.variant_id === variantId)?.quantity ?? 0
  if (wanted <= had) return
  if (!shortItems(merged, stock).length) return
  const others = merged.filter((l) => l.variant_id !== variantId)
  const max = maxQuantityFor(variantId, others, stock)
  throw insufficientStockError(mode === "add" ? Math.max(0, max - had) : max)
}

/**
 * Refuses a whole cart that asks for more than the stock (checked again at completion).
 * The message names the first line that does not fit and how many of it would.
 */
export function assertCartFits(lines: CartLine[], stock: StockSnapshot): void {
  const merged = linesByVariant(lines)
  const short = new Set(shortItems(merged, stock))
  if (!short.size) return
  const line = merged.find((l) => {
    const variant = stock.variants.get(l.variant_id)
    return isStockLimited(variant) && variant.inventory_items.some((p) => short.has(p.inventory_item_id))
  })!
  const others = merged.filter((l) => l.variant_id !== line.variant_id)
  throw insufficientStockError(maxQuantityFor(line.variant_id, others, stock), stock.variants.get(line.variant_id)!.name)
}

/** The inventory items that stock-limited lines of the cart use (the keys to lock at completion). */
export function inventoryItemIdsOf(lines: CartLine[], variants: Map<string, VariantStock>): string[] {
  return [...demandByInventoryItem(lines, variants).keys()].sort()
}

/**
 * Cache options for the add/change check's reads of what staff rarely change (a
 * variant's stock settings and kit parts, a sales channel's locations), through
 * Medusa's caching module when it is configured (with REDIS_URL) and straight from the
 * database otherwise. As Medusa's own cart workflows do (core-flows'
 * productVariantsCacheTags, salesChannelStockLocationCacheTags): the tags computed from
 * the result's ids, plus the link tables, whose rows carry no id in the result.
 * Quantities are never cached, and completion reads everything fresh.
 */
const VARIANT_CACHE = { tags: ["LinkProductVariantInventoryItem:list:*"], computeAutomaticTags: true }
const CHANNEL_CACHE = { tags: ["SalesChannel:list:*", "LinkSalesChannelStockLocation:list:*"], computeAutomaticTags: true }

type ReadOptions = { cached?: boolean }

/**
 * Reads the variants' inventory items (kits expanded) and, fresh from the Inventory
 * Module (never a cache), what is available of them at the stock locations of the
 * sales channel, as Medusa's reservation does.
 */
export async function readStock(
  container: MedusaContainer,
  variantIds: string[],
  salesChannelId: string | null,
  options: ReadOptions = {}
): Promise<StockSnapshot> {
  const [variants, locationIds] = await Promise.all([
    readVariants(container, variantIds, options),
    channelLocationIds(container, salesChannelId, options),
  ])
  return { variants, available: await readAvailable(container, variants, locationIds) }
}

/** The variants' stock settings and inventory items (kits expanded), by id. */
export async function readVariants(container: MedusaContainer, variantIds: string[], { cached = false }: ReadOptions = {}): Promise<Map<string, VariantStock>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(variantIds)]
  const variants = new Map<string, VariantStock>()
  if (!ids.length) return variants

  const { data } = await query.graph(
    {
      entity: "product_variant",
      fields: [
        "id",
        "title",
        "manage_inventory",
        "allow_backorder",
        "product.id",
        "product.title",
        "inventory_items.inventory_item_id",
        "inventory_items.required_quantity",
      ],
      filters: { id: ids },
    },
    cached ? { cache: VARIANT_CACHE } : undefined
  )
  for (const v of data as any[]) {
    const product = v.product?.title
    variants.set(v.id, {
      id: v.id,
      name: product && v.title && product !== v.title ? `${product} (${v.title})` : (product ?? v.title ?? v.id),
      manage_inventory: !!v.manage_inventory,
      allow_backorder: !!v.allow_backorder,
      inventory_items: (v.inventory_items ?? []).map((i: any) => ({
        inventory_item_id: i.inventory_item_id,
        required_quantity: Number(i.required_quantity ?? 1),
      })),
    })
  }
  return variants
}

/**
 * Available (stocked − reserved) per inventory item of the stock-limited variants, over
 * `locationIds` (null: every location). One query, fresh from the Inventory Module.
 */
export async function readAvailable(
  container: MedusaContainer,
  variants: Map<string, VariantStock>,
  locationIds: string[] | null
): Promise<Map<string, number>> {
  const itemIds = [...new Set([...variants.values()].filter(isStockLimited).flatMap((v) => v.inventory_items.map((i) => i.inventory_item_id)))]
  const available = new Map<string, number>(itemIds.map((id) => [id, 0]))
  if (!itemIds.length || (locationIds && !locationIds.length)) return available
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
    { inventory_item_id: itemIds, ...(locationIds ? { location_id: locationIds } : {}) },
    { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] }
  )
  for (const level of levels) {
    const free = Number(level.stocked_quantity) - Number(level.reserved_quantity)
    available.set(level.inventory_item_id, (available.get(level.inventory_item_id) ?? 0) + free)
  }
  return available
}

/** The stock locations of a sales channel; null (all locations) for a cart without one. */
export async function channelLocationIds(
  container: MedusaContainer,
  salesChannelId: string | null,
  { cached = false }: ReadOptions = {}
): Promise<string[] | null> {
  if (!salesChannelId) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: salesChannelId } },
    cached ? { cache: CHANNEL_CACHE } : undefined
  )
  return ((data[0] as any)?.stock_locations ?? []).map((l: any) => l.id)
}

/** The cart's lines as stored (variant and quantity), its sales channel and whether it was completed. */
export async function readCartLines(
  container: MedusaContainer,
  cartId: string
): Promise<{ lines: CartLine[]; items: { id: string; variant_id: string; quantity: number }[]; salesChannelId: string | null; completed: boolean }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "completed_at", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  const cart = data[0] as any
  const items = ((cart?.items ?? []) as any[])
    .filter((i) => i?.variant_id)
    .map((i) => ({ id: i.id as string, variant_id: i.variant_id as string, quantity: Number(i.quantity) }))
  return {
    lines: items.map(({ variant_id, quantity }) => ({ variant_id, quantity })),
    items,
    salesChannelId: cart?.sales_channel_id ?? null,
    completed: !!cart?.completed_at,
  }
}
