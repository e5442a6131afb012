import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  CART_NOT_IN_STOCK_MESSAGE,
  cartErrorHandler,
  MEDUSA_INSUFFICIENT_INVENTORY_MESSAGE,
  storeCartIdFromPath,
} from "../cart-errors"

type Cart = { id: string; completed_at: Date | null }

/** A request whose container answers the cart lookup from `carts` (or fails it), and counts lookups. */
function request(path: string, carts: Cart[] | Error) {
  const lookups: unknown[] = []
  const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn() }
  const query = {
    graph: async ({ filters }: { filters: { id: string } }) => {
      lookups.push(filters.id)
      if (carts instanceof Error) throw carts
      return { data: carts.filter((c) => c.id === filters.id) }
    },
  }
  const scope = {
    resolve: (key: string) => (key === ContainerRegistrationKeys.QUERY ? query : logger),
  }
  return { req: { path, scope } as any, lookups, logger }
}

/** Runs the handler; resolves with the error it handed to the fallback. */
function handle(error: unknown, req: any): Promise<any> {
  return new Promise((resolve, reject) => {
    const handler = cartErrorHandler((answer) => resolve(answer))
    handler(error, req, {} as any, reject)
  })
}

const OPEN: Cart = { id: "cart_open", completed_at: null }
const DONE: Cart = { id: "cart_done", completed_at: new Date() }
const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, "Cart id not found: cart_gone")

describe("cartErrorHandler", () => {
  it("answers a refusal on a missing cart with 404 cart_not_found", async () => {
    const { req } = request("/store/carts/cart_gone/line-items", [OPEN])
    const answer = await handle(notFound(), req)
    expect([answer.type, answer.code, answer.message]).toEqual(["not_found", "cart_not_found", "Deze winkelmand bestaat niet (meer)."])
  })

  it("answers any refusal on a completed cart with cart_completed, whatever Medusa said", async () => {
    const { req } = request("/store/carts/cart_done/shipping-methods", [DONE])
    const medusa = new MedusaError(MedusaError.Types.INVALID_DATA, "Cart cart_done is already completed.")
    const answer = await handle(medusa, req)
    expect([answer.type, answer.code, answer.message]).toEqual(["not_allowed", "cart_completed", "Deze winkelmand is al afgerekend."])
  })

  it("keeps other refusals on an open cart as they are", async () => {
    const { req } = request("/store/carts/cart_open/line-items", [OPEN])
    const unknownVariant = new MedusaError(MedusaError.Types.NOT_FOUND, "Variant not found")
    expect(await handle(unknownVariant, req)).toBe(unknownVariant)
  })

  it("translates Medusa's own stock refusal on an open cart, by exact message, keeping its code", async () => {
    const { req } = request("/store/carts/cart_open/complete", [OPEN])
    const medusa = new MedusaError(MedusaError.Types.NOT_ALLOWED, MEDUSA_INSUFFICIENT_INVENTORY_MESSAGE, MedusaError.Codes.INSUFFICIENT_INVENTORY)
    const answer = await handle(medusa, req)
    expect([answer.type, answer.code, answer.message]).toEqual(["not_allowed", "insufficient_inventory", CART_NOT_IN_STOCK_MESSAGE])

    const ours = new MedusaError(MedusaError.Types.NOT_ALLOWED, "Er zijn er nog maar 2 op voorraad.", MedusaError.Codes.INSUFFICIENT_INVENTORY)
    expect(await handle(ours, req)).toBe(ours)
  })

  it("does not look up the cart for conflicts, server errors, other routes or errors already coded", async () => {
    const { req, lookups } = request("/store/carts/cart_gone/complete", [])
    const conflict = new MedusaError(MedusaError.Types.CONFLICT, "Cart is already being completed")
    expect(await handle(conflict, req)).toBe(conflict)
    const crash = new Error("boom")
    expect(await handle(crash, req)).toBe(crash)
    const coded = new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze winkelmand is al afgerekend.", "cart_completed")
    expect(await handle(coded, req)).toBe(coded)
    const { req: other, lookups: otherLookups } = request("/store/products/prod_1", [])
    const missing = notFound()
    expect(await handle(missing, other)).toBe(missing)
    expect([lookups, otherLookups]).toEqual([[], []])
  })

  it("falls back to the original error when the lookup fails", async () => {
    const { req, logger } = request("/store/carts/cart_open/line-items", new Error("database down"))
    const original = notFound()
    expect(await handle(original, req)).toBe(original)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("database down"))
  })
})

describe("storeCartIdFromPath", () => {
  it("takes the id of /store/carts/:id and every route below it, in any letter case", () => {
    expect(storeCartIdFromPath("/store/carts/cart_1")).toBe("cart_1")
    expect(storeCartIdFromPath("/store/carts/cart_1/")).toBe("cart_1")
    expect(storeCartIdFromPath("/store/carts/cart_1/line-items/item_2")).toBe("cart_1")
    expect(storeCartIdFromPath("/Store/Carts/cart_1/group")).toBe("cart_1")
    expect(storeCartIdFromPath("/store/carts/cart%5F1/complete")).toBe("cart_1")
  })

  it("ignores other routes and malformed ids", () => {
    for (const path of ["/store/carts", "/store/carts/", "/admin/carts/cart_1", "/store/invoice/carts/cart_1", "/store/carts/%E0%A4%A"]) {
      expect(storeCartIdFromPath(path)).toBeNull()
    }
  })
})
