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

const isSignProduct = (variant: VariantForSigns | null | undefined) =>
  Boolean(variant?.product?.categories?.some((c) => c?.handle === SIGN_CATEGORY_HANDLE))

/**
 * How many signs one unit of a variant is. The rule:
 * - a variant of a product in the "borden" category is one sign;
 * - any other variant (a package) contains as many signs as its inventory kit holds
 *   units of inventory items that belong to a sign variant: the Starterspakket
 *   (2 × BORD-WAB-3045-ALU + stickers + clamps) is 2 signs, the Buurtpakket 4;
 * - stickers and mounting hardware are 0.
 * The kit is read from Medusa's inventory (as the seed catalogue defines it), so a
 * package staff compose later counts the same way.
 */
export function signsPerUnit(variant: VariantForSigns): number {
  if (isSignProduct(variant)) return 1
  let signs = 0
  for (const item of variant.inventory_items ?? []) {
    const partOfSign = (item?.inventory?.variants ?? []).some((v) => v && v.id !== variant.id && isSignProduct(v))
    if (partOfSign) signs += Number(item?.required_quantity ?? 1)
  }
  return signs
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

/**
 * The signs a group ordered (see signsPerUnit), over its orders that are not canceled.
 * Variants are read with deleted ones, so a product removed from the shop later still
 * counts in the orders that contain it.
 */
export async function signsOrderedForGroup(query: Query, groupId: string): Promise<number> {
  const { data: groups } = await query.graph({ entity: "neighbourhood_group", fields: ["id", "orders.id"], filters: { id: groupId } })
  const orderIds: string[] = (groups[0]?.orders ?? []).map((o: { id?: string } | null) => o?.id).filter(Boolean)
  if (!orderIds.length) return 0
  // Medusa 2.21's Query leaves items.quantity empty unless the item detail is loaded.
  const { data: orders } = (await query.graph({
    entity: "order",
    fields: ["id", "status", "items.variant_id", "items.quantity", "items.detail.quantity"],
    filters: { id: orderIds },
  })) as { data: OrderForSigns[] }
  const variantIds = [
    ...new Set(
      orders
        .filter((o) => o.status !== "canceled")
        .flatMap((o) => (o.items ?? []).map((i) => i?.variant_id))
        .filter((id): id is string => Boolean(id))
    ),
  ]
  if (!variantIds.length) return 0
  const { data: variants } = await query.graph(
    { entity: "product_variant", fields: SIGN_VARIANT_FIELDS, filters: { id: variantIds }, withDeleted: true },
  )
  const perUnit = new Map<string, number>(variants.map((v: VariantForSigns) => [v.id, signsPerUnit(v)]))
  return countSigns(orders, perUnit)
}
