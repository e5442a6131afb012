/**
 * Orders placed for a neighbourhood group: the cart metadata that carries the group
 * until checkout, and the rule that counts the signs a group ordered.
 */

/** Cart (and order) metadata keys for the group an order is placed for. */
export const CART_GROUP_KEYS = ["group_id", "group_slug", "group_name"] as const

export type CartGroup = { id: string; slug: string; name: string }

/** The group on a cart's metadata, or null (any key missing or not a string). */
export function cartGroupFrom(metadata: Record<string, unknown> | null | undefined): CartGroup | null {
  const id = metadata?.group_id
  const slug = metadata?.group_slug
  const name = metadata?.group_name
  if (typeof id !== "string" || !id || typeof slug !== "string" || typeof name !== "string") return null
  return { id, slug, name }
}

/** Metadata that sets a group (Medusa merges it into the cart's metadata). */
export function cartGroupMetadata(group: CartGroup): Record<string, string> {
  return { group_id: group.id, group_slug: group.slug, group_name: group.name }
}

/** Metadata that removes the group: Medusa's mergeMetadata deletes keys set to "". */
export function clearedCartGroupMetadata(): Record<string, string> {
  return Object.fromEntries(CART_GROUP_KEYS.map((key) => [key, ""]))
}

/** The product category whose products are signs. */
export const SIGN_CATEGORY_HANDLE = "borden"

/** A variant as query.graph returns it with SIGN_VARIANT_FIELDS. */
export type VariantForSigns = {
  id: string
  product?: { categories?: ({ handle?: string | null } | null)[] | null } | null
  inventory_items?:
    | ({
        required_quantity?: number | string | null
        inventory?: { variants?: (VariantForSigns | null)[] | null } | null
      } | null)[]
    | null
}

export const SIGN_VARIANT_FIELDS = [
  "id",
  "product.categories.handle",
  "inventory_items.required_quantity",
  "inventory_items.inventory.variants.id",
  "inventory_items.inventory.variants.product.categories.handle",
]

/** The product category whose products are stickers (counted like signs, see unitsPerUnit). */
export const STICKER_CATEGORY_HANDLE = "stickers"

const inCategory = (variant: VariantForSigns | null | undefined, handle: string) =>
  Boolean(variant?.product?.categories?.some((c) => c?.handle === handle))

/**
 * How many units of a category (signs, stickers) one unit of a variant is. The rule:
 * - a variant of a product in the category is one;
 * - any other variant (a package) contains as many as its inventory kit holds
 *   units of inventory items that belong to a variant in the category: the Starterspakket
 *   (2 × BORD-WAB-3045-ALU + 20 stickers + clamps) is 2 signs and 20 stickers, the Buurtpakket 4 signs;
 * - anything else (mounting hardware) is 0.
 * The kit is read from Medusa's inventory (as the seed catalogue defines it), so a
 * package staff compose later counts the same way.
 */
export function unitsPerUnit(variant: VariantForSigns, categoryHandle: string): number {
  if (inCategory(variant, categoryHandle)) return 1
  let units = 0
  for (const item of variant.inventory_items ?? []) {
    const part = (item?.inventory?.variants ?? []).some((v) => v && v.id !== variant.id && inCategory(v, categoryHandle))
    if (part) units += Number(item?.required_quantity ?? 1)
  }
  return units
}

/** How many signs one unit of a variant is (unitsPerUnit for the "borden" category). */
export function signsPerUnit(variant: VariantForSigns): number {
  return unitsPerUnit(variant, SIGN_CATEGORY_HANDLE)
}

/** How many stickers one unit of a variant is (unitsPerUnit for the "stickers" category). */
export function stickersPerUnit(variant: VariantForSigns): number {
  return unitsPerUnit(variant, STICKER_CATEGORY_HANDLE)
}

export type OrderForSigns = {
  status?: string | null
  items?:
    | ({ variant_id?: string | null; quantity?: number | string | null; detail?: { quantity?: number | string | null } | null } | null)[]
    | null
}

/** Signs in the orders that are not canceled, given the signs per unit of each variant. */
export function countSigns(orders: (OrderForSigns | null)[], perUnit: Map<string, number>): number {
  let total = 0
  for (const order of orders) {
    if (!order || order.status === "canceled") continue
    for (const item of order.items ?? []) {
      if (!item?.variant_id) continue
      total += (perUnit.get(item.variant_id) ?? 0) * Number(item.quantity ?? item.detail?.quantity ?? 0)
    }
  }
  return total
}

type Query = { graph: (config: any, options?: any) => Promise<{ data: any[] }> }

export type OrderForCounts = OrderForSigns & {
  items?: ({ variant_id?: string | null; product_title?: string | null; quantity?: number | string | null; detail?: { quantity?: number | string | null } | null } | null)[] | null
}

/** What a group's orders hold, as counts only: never who ordered or where they live. */
export type GroupOrderCounts = {
  /** Orders for the group that are not canceled. */
  orders: number
  signs: number
  stickers: number
  /** Per product (title as ordered): units, and in how many orders; most units first. */
  products: { title: string; quantity: number; orders: number }[]
}

const itemQuantity = (item: { quantity?: number | string | null; detail?: { quantity?: number | string | null } | null }) =>
  Number(item.quantity ?? item.detail?.quantity ?? 0)

/** The counts of the orders that are not canceled (see GroupOrderCounts). */
export function countGroupOrders(
  orders: (OrderForCounts | null)[],
  perUnit: { signs: Map<string, number>; stickers: Map<string, number> }
): GroupOrderCounts {
  const live = orders.filter((o): o is OrderForCounts => Boolean(o) && o!.status !== "canceled")
  const products = new Map<string, { title: string; quantity: number; orders: number }>()
  for (const order of live) {
    const inOrder = new Set<string>()
    for (const item of order.items ?? []) {
      if (!item) continue
      const title = item.product_title?.trim() || "Onbekend product"
      const row = products.get(title) ?? { title, quantity: 0, orders: 0 }
      row.quantity += itemQuantity(item)
      if (!inOrder.has(title)) row.orders += 1
      inOrder.add(title)
      products.set(title, row)
    }
  }
  return {
    orders: live.length,
    signs: countSigns(live, perUnit.signs),
    stickers: countSigns(live, perUnit.stickers),
    products: [...products.values()].sort((a, b) => b.quantity - a.quantity || a.title.localeCompare(b.title, "nl")),
  }
}

/**
 * Counts over a group's orders that are not canceled (signs and stickers per
 * unitsPerUnit, units per product). Variants are read with deleted ones, so a product
 * removed from the shop later still counts in the orders that contain it.
 */
export async function orderCountsForGroup(query: Query, groupId: string): Promise<GroupOrderCounts> {
  const none: GroupOrderCounts = { orders: 0, signs: 0, stickers: 0, products: [] }
  const { data: groups } = await query.graph({ entity: "neighbourhood_group", fields: ["id", "orders.id"], filters: { id: groupId } })
  const orderIds: string[] = (groups[0]?.orders ?? []).map((o: { id?: string } | null) => o?.id).filter(Boolean)
  if (!orderIds.length) return none
  // Medusa 2.21's Query leaves items.quantity empty unless the item detail is loaded.
  const { data: orders } = (await query.graph({
    entity: "order",
    fields: ["id", "status", "items.variant_id", "items.product_title", "items.quantity", "items.detail.quantity"],
    filters: { id: orderIds },
  })) as { data: OrderForCounts[] }
  const variantIds = [
    ...new Set(
      orders
        .filter((o) => o.status !== "canceled")
        .flatMap((o) => (o.items ?? []).map((i) => i?.variant_id))
        .filter((id): id is string => Boolean(id))
    ),
  ]
  const { data: variants } = variantIds.length
    ? await query.graph({ entity: "product_variant", fields: SIGN_VARIANT_FIELDS, filters: { id: variantIds }, withDeleted: true })
    : { data: [] }
  const signs = new Map<string, number>(variants.map((v: VariantForSigns) => [v.id, signsPerUnit(v)]))
  const stickers = new Map<string, number>(variants.map((v: VariantForSigns) => [v.id, stickersPerUnit(v)]))
  return countGroupOrders(orders, { signs, stickers })
}

/** The signs a group ordered (see signsPerUnit), over its orders that are not canceled. */
export async function signsOrderedForGroup(query: Query, groupId: string): Promise<number> {
  return (await orderCountsForGroup(query, groupId)).signs
}
