/**
 * Per-inventory-item locks that make "check the cart's total demand" and Medusa's
 * reservation one atomic section for every cart completion.
 *
 * Medusa's `reserveInventoryStep` locks the inventory item ids only around its own
 * `createReservationItems` call, which checks each line on its own. Our check (the
 * whole cart, kits expanded) has to run before it, and nothing may reserve the same
 * items between the two. We cannot take Medusa's own keys for that span (its step
 * would then wait for us until its 5-second lock timeout), so completions take these
 * keys, `cart-stock:<inventory item id>`, from the check until the reservation is
 * written, through the same Locking Module (in-memory in one process, Redis across
 * processes). Keys are taken one at a time in sorted order, so two carts sharing
 * several items cannot deadlock.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export const STOCK_LOCK_PREFIX = "cart-stock:"

/**
 * How long a completion waits for the items' locks. Completions that share an item are
 * served one after the other; each holds the lock for its order creation and
 * reservation (~0.2 s on an idle 2-core machine, ten times that on one loaded to a load
 * average of 20), and a loser holds it only for one query. 120 s covers a queue of
 * dozens of shoppers on such a machine (20 mixed completions took 57–81 s in all there);
 * beyond it the shopper gets a 409 and is asked to try again.
 */
export const STOCK_LOCK_TIMEOUT_MS = 120_000
/**
 * Lease of a lock, so a crashed process does not block an item forever (Redis). It must
 * outlast the longest section it protects, or a second cart could enter while the
 * first is still reserving.
 */
export const STOCK_LOCK_TTL_S = 300

export const stockLockKeys = (inventoryItemIds: string[]) => [...new Set(inventoryItemIds)].sort().map((id) => STOCK_LOCK_PREFIX + id)
export const stockLockOwner = (cartId: string) => `${STOCK_LOCK_PREFIX}${cartId}`

/**
 * The error when the queue for an item is longer than the timeout: HTTP 409. Medusa's
 * error handler answers every CONFLICT with its own English text and code
 * `invalid_state_error`, so the storefront words it by status (BUSY_MESSAGE); this
 * message is what the workflow's error and the log say.
 */
export function stockBusyError(): MedusaError {
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    "Het is erg druk in de winkel. Je bestelling is niet geplaatst; probeer het over een paar seconden opnieuw."
  )
}

/**
 * Takes every key for `ownerId`, waiting in line for each, within `timeoutMs` overall.
 * On timeout the keys taken so far are given back (and a key whose queued acquisition
 * completes later is given back then) and a 409 is thrown.
 */
export async function acquireStockLocks(
  container: MedusaContainer,
  keys: string[],
  ownerId: string,
  { timeoutMs = STOCK_LOCK_TIMEOUT_MS, ttlSeconds = STOCK_LOCK_TTL_S } = {}
): Promise<void> {
  const locking = container.resolve(Modules.LOCKING)
  const deadline = Date.now() + timeoutMs
  const taken: string[] = []
  for (const key of keys) {
    const acquisition = locking.acquire(key, { ownerId, expire: ttlSeconds, awaitQueue: true } as any)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now()))
      timer.unref?.()
    })
    const outcome = await Promise.race([acquisition.then(() => "acquired" as const), timedOut]).finally(() => clearTimeout(timer))
    if (outcome === "timeout") {
      void acquisition.then(
        () => locking.release(key, { ownerId }),
        () => {}
      )
      await releaseStockLocks(container, taken, ownerId)
      throw stockBusyError()
    }
    taken.push(key)
  }
}

/** Gives the keys back; only those `ownerId` still holds (a no-op for the rest). */
export async function releaseStockLocks(container: MedusaContainer, keys: string[], ownerId: string): Promise<void> {
  if (!keys.length) return
  await container.resolve(Modules.LOCKING).release(keys, { ownerId })
}
