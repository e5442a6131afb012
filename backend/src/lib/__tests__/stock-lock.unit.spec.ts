import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import { acquireStockLocks, releaseStockLocks, stockLockKeys } from "../stock-lock"

// Medusa's own in-memory provider (the default without REDIS_URL) behind a container stub.
function setup() {
  const locking = new InMemoryLockingProvider()
  const container = { resolve: () => locking } as any
  return { locking, container }
}

describe("per-item stock locks", () => {
  it("sorts and de-duplicates the keys, so carts sharing items take them in the same order", () => {
    expect(stockLockKeys(["iitem_b", "iitem_a", "iitem_b"])).toEqual(["cart-stock:iitem_a", "cart-stock:iitem_b"])
  })

  it("a second cart waits in line and gets the lock as soon as the first gives it back", async () => {
    const { locking, container } = setup()
    const keys = stockLockKeys(["iitem_a", "iitem_b"])
    await acquireStockLocks(container, keys, "cart-stock:cart_1")
    let second = false
    const waiting = acquireStockLocks(container, keys, "cart-stock:cart_2").then(() => (second = true))
    await new Promise((r) => setTimeout(r, 50))
    expect(second).toBe(false)
    await releaseStockLocks(container, keys, "cart-stock:cart_1")
    await waiting
    expect(second).toBe(true)
    // Held by cart 2 now: someone else cannot take it without waiting.
    await expect(locking.acquire(keys[0], { ownerId: "other" })).rejects.toThrow()
  })

  it("gives up after the timeout with a 409 and gives back the keys it had taken", async () => {
    const { locking, container } = setup()
    const [a, b] = stockLockKeys(["iitem_a", "iitem_b"])
    await acquireStockLocks(container, [b], "cart-stock:cart_1")
    const error = await acquireStockLocks(container, [a, b], "cart-stock:cart_2", { timeoutMs: 100 }).catch((e) => e)
    expect(error.type).toBe("conflict")
    expect(error.message).toMatch(/probeer het over een paar seconden opnieuw/)
    // a was given back: a third cart takes it at once.
    await expect(locking.acquire(a, { ownerId: "cart-stock:cart_3" })).resolves.toBeUndefined()
    // and when cart 1 lets go of b, the abandoned queued acquisition does not keep it.
    await releaseStockLocks(container, [b], "cart-stock:cart_1")
    await new Promise((r) => setTimeout(r, 20))
    await expect(locking.acquire(b, { ownerId: "cart-stock:cart_4" })).resolves.toBeUndefined()
  })

  it("releasing only gives back keys the owner still holds", async () => {
    const { locking, container } = setup()
    const [a] = stockLockKeys(["iitem_a"])
    await acquireStockLocks(container, [a], "cart-stock:cart_1")
    await releaseStockLocks(container, [a], "cart-stock:cart_2")
    await expect(locking.acquire(a, { ownerId: "someone" })).rejects.toThrow()
  })
})
