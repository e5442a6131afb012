/**
 * Whole-cart stock checks, packages expanded (see src/lib/cart-stock.ts), and the most per
 * line (src/lib/cart-lines.ts: whole numbers, at most 999 of a variant), hooked into Medusa's
 * own cart workflows so every way into them (store API, our routes, the payment webhook
 * completing a cart) is covered. A workflow hook takes one handler, so both checks share it;
 * the quantity rule comes first (it needs no stock read):
 *
 * - createCartWorkflow `validate`: a new cart's items (the storefront's first add makes the
 *   cart with its line) are checked against the most per line before the cart exists.
 * - addToCartWorkflow / updateLineItemInCartWorkflow `validate`: a change that asks for
 *   more than the stock is refused with "Er zijn er nog maar N op voorraad" before
 *   anything is written. Advisory (nothing is reserved yet), so no lock. Cheap, as it
 *   runs for every add: the cart's lines in one query (or from the workflow's own read),
 *   the variants' parts and the channel's locations through Medusa's cache (when
 *   configured), and the available quantities fresh from the database: two queries.
 * - completeCartWorkflow `validate` (registered in complete-cart.ts, as that hook takes
 *   one handler) → `beforePaymentAuthorization`: the check runs again
 *   under per-inventory-item locks (src/lib/stock-lock.ts) that are held until Medusa's
 *   `reserveInventoryStep` has written the reservations, so two carts mixing packages
 *   and their parts cannot both pass on the same units. The locks are given back in
 *   `beforePaymentAuthorization` (the first hook after the reservation), or by the
 *   validate step's compensation when a step in between fails.
 */
import {
  addToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  assertCartFits,
  assertChangeFits,
  channelLocationIds,
  inventoryItemIdsOf,
  readAvailable,
  readCartLines,
  readStock,
  readVariants,
  type CartLine,
} from "../../lib/cart-stock"
import { assertLineQuantityFits, assertWholeQuantity } from "../../lib/cart-lines"
import { acquireStockLocks, releaseStockLocks, stockLockKeys, stockLockOwner } from "../../lib/stock-lock"

type Ctx = { container: MedusaContainer }

createCartWorkflow.hooks.validate(async ({ cart }) => {
  const items = ((cart as { items?: { variant_id?: string | null; quantity?: unknown }[] } | undefined)?.items ?? []).filter(
    (i): i is typeof i & { variant_id: string } => !!i.variant_id
  )
  for (const item of items) assertWholeQuantity(item.quantity)
  const after = items.map((i) => ({ variant_id: i.variant_id, quantity: Number(i.quantity) }))
  for (const { variant_id } of after) assertLineQuantityFits(variant_id, [], after, "set")
})

addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const added = (input.items ?? []).filter((i): i is typeof i & { variant_id: string } => !!i.variant_id)
  if (!added.length) return
  for (const item of added) assertWholeQuantity(item.quantity)
  const { lines, salesChannelId } = await cartLinesOf(container, input.cart_id, cart)
  const afterEach: CartLine[][] = []
  let after: CartLine[] = lines
  for (const item of added) {
    after = [...after, { variant_id: item.variant_id, quantity: Number(item.quantity) }]
    assertLineQuantityFits(item.variant_id, lines, after, "add")
    afterEach.push(after)
  }
  const stock = await readStock(container, [...lines, ...added].map((l) => l.variant_id), salesChannelId, { cached: true })
  added.forEach((item, i) => assertChangeFits(item.variant_id, lines, afterEach[i], stock, "add"))
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const quantity = input.update?.quantity
  if (quantity === undefined || quantity === null) return
  assertWholeQuantity(quantity)
  const { lines, items, salesChannelId } = await cartLinesOf(container, input.cart_id, cart)
  const line = items.find((i) => i.id === input.item_id)
  if (!line) return // Medusa's own step answers for an unknown line
  const after = items.map((i) => ({ variant_id: i.variant_id, quantity: i.id === line.id ? Number(quantity) : i.quantity }))
  assertLineQuantityFits(line.variant_id, lines, after, "set")
  const stock = await readStock(container, lines.map((l) => l.variant_id), salesChannelId, { cached: true })
  assertChangeFits(line.variant_id, lines, after, stock, "set")
})

type HookCart = { sales_channel_id?: string | null; items?: { id: string; variant_id?: string | null; quantity: unknown }[] | null }

/**
 * The cart's lines, read under the workflow's cart lock (both hooks run after
 * `acquireLockStep`). updateLineItemInCartWorkflow's own cart read has `items.*`: used as
 * is, no query. addToCartWorkflow's has the sales channel but no items: one query of the
 * lines' variant and quantity through the Cart Module (a completed cart was refused by
 * Medusa's validate-cart step before this hook). Only when the workflow's fields (Medusa's
 * to change) bring neither is the whole cart read.
 */
async function cartLinesOf(container: MedusaContainer, cartId: string, cart: unknown) {
  const { sales_channel_id, items: stored } = (cart ?? {}) as HookCart
  if (sales_channel_id === undefined) return readCartLines(container, cartId)
  const found = Array.isArray(stored)
    ? stored
    : await container.resolve(Modules.CART).listLineItems({ cart_id: cartId }, { select: ["id", "variant_id", "quantity"] })
  const items = found
    .filter((i): i is typeof i & { variant_id: string } => !!i?.variant_id)
    .map((i) => ({ id: i.id, variant_id: i.variant_id, quantity: Number(i.quantity) }))
  return { lines: items.map(({ variant_id, quantity }) => ({ variant_id, quantity })), items, salesChannelId: sales_channel_id }
}

export type HeldStockLocks = { keys: string[]; ownerId: string }

/**
 * Completion, first half (from the validate hook): takes the locks of the inventory
 * items the cart's stock-limited lines use and checks the whole cart against fresh
 * quantities. Returns the held locks (undefined when nothing needed locking, e.g. a
 * completion retried after its order exists, which skips order creation and
 * reservation). Throws, with no lock held, when the cart does not fit.
 */
export async function lockAndCheckCartStock(container: MedusaContainer, cartId: string): Promise<HeldStockLocks | undefined> {
  if (await hasOrder(container, cartId)) return undefined
  const cart = await readCartLines(container, cartId)
  if (cart.completed) return undefined

  const variants = await readVariants(container, cart.lines.map((l) => l.variant_id))
  const held: HeldStockLocks = { keys: stockLockKeys(inventoryItemIdsOf(cart.lines, variants)), ownerId: stockLockOwner(cartId) }
  if (!held.keys.length) return undefined
  const locationIds = await channelLocationIds(container, cart.salesChannelId)

  await acquireStockLocks(container, held.keys, held.ownerId)
  try {
    // Fresh quantities (one query), read while no other completion can reserve these items.
    assertCartFits(cart.lines, { variants, available: await readAvailable(container, variants, locationIds) })
  } catch (error) {
    await releaseStockLocks(container, held.keys, held.ownerId)
    throw error
  }
  return held
}

/** Gives back the locks `lockAndCheckCartStock` took (compensation of the validate hook). */
export async function releaseHeldStockLocks(container: MedusaContainer, held: HeldStockLocks | undefined): Promise<void> {
  if (held) await releaseStockLocks(container, held.keys, held.ownerId)
}

type BeforePaymentAuthorizationHook = (invoke: (input: { input: { id: string } }, context: Ctx) => Promise<void>) => void

// Declared by completeCartWorkflow right after its reservation step, but missing from
// its typings (like orderCreated, see order-group.ts); the runtime registers it.
const beforePaymentAuthorization = (completeCartWorkflow.hooks as unknown as { beforePaymentAuthorization: BeforePaymentAuthorizationHook })
  .beforePaymentAuthorization

/** Completion, second half: the reservations are written, so the next completion may check against them. */
beforePaymentAuthorization(async ({ input }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["items.variant.inventory_items.inventory_item_id"],
    filters: { id: input.id },
  })
  const itemIds = ((data[0] as any)?.items ?? []).flatMap((i: any) =>
    (i?.variant?.inventory_items ?? []).map((link: any) => link.inventory_item_id as string)
  )
  await releaseStockLocks(container, stockLockKeys(itemIds), stockLockOwner(input.id))
})

async function hasOrder(container: MedusaContainer, cartId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  return data.length > 0
}
