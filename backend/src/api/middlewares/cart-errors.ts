/**
 * Store cart refusals with a stable `code` and a Dutch message.
 *
 * The storefront tells a gone cart, a completed cart and a stock refusal apart by HTTP
 * status and the body's `code` only. Medusa's own cart routes answer those cases in
 * English and without a code ("Cart id not found: …", INVALID_DATA "Cart … is already
 * completed." from core-flows' validate-cart step), so every refusal (4xx, except 409
 * conflicts, which keep Medusa's retry answer) on `/store/carts/:id` and everything under
 * it is looked at once more here:
 * - the cart does not exist: 404 `{ type: "not_found", code: "cart_not_found" }`;
 * - the cart is completed: 400 `{ type: "not_allowed", code: "cart_completed" }`;
 * - otherwise the refusal stays as it is, except Medusa's own stock refusal, which gets
 *   a Dutch message (its code `insufficient_inventory` stays).
 *
 * The cart lookup costs a query, so it happens only here, on the error path. A failing
 * lookup never changes the answer: the original error goes to the next handler.
 *
 * A quantity the cart's rule refuses (src/lib/cart-lines.ts: whole numbers, at most 999 per
 * line; thrown from the cart workflows' hooks, so also on `POST /store/carts`) is answered per
 * field like every other invalid input: 400 `{ type: "invalid_data", code: "invalid_quantity",
 * message, errors: { quantity } }`.
 */
import {
  errorHandler,
  getHttpResponseFromError,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INVALID_QUANTITY_CODE } from "../../lib/cart-lines"
import { invalidDataBody } from "./validation"

export const CART_NOT_FOUND_CODE = "cart_not_found"
export const CART_COMPLETED_CODE = "cart_completed"
export const CART_NOT_FOUND_MESSAGE = "Deze winkelmand bestaat niet (meer)."
export const CART_COMPLETED_MESSAGE = "Deze winkelmand is al afgerekend."

/**
 * Medusa's message for a line its confirm-inventory step refuses
 * (@medusajs/core-flows, cart/steps/confirm-inventory). The shop's own whole-cart check
 * (src/workflows/hooks/cart-stock.ts) runs first and answers in Dutch, so this one
 * reaches a shopper only when that check missed a case. Compared exactly: a Medusa
 * upgrade that changes the text leaves it in English rather than translating something else.
 */
export const MEDUSA_INSUFFICIENT_INVENTORY_MESSAGE = "Some variant does not have the required inventory"
export const CART_NOT_IN_STOCK_MESSAGE =
  "Niet alles in je winkelmand is nog op voorraad. Pas de aantallen in je winkelmand aan en probeer het opnieuw."

type CartState = { completed_at?: unknown } | null | undefined

/** What is wrong with a cart as read (undefined/null: not found), or null when it is open. */
export function cartRefusal(cart: CartState): MedusaError | null {
  if (!cart) return new MedusaError(MedusaError.Types.NOT_FOUND, CART_NOT_FOUND_MESSAGE, CART_NOT_FOUND_CODE)
  if (cart.completed_at) return new MedusaError(MedusaError.Types.NOT_ALLOWED, CART_COMPLETED_MESSAGE, CART_COMPLETED_CODE)
  return null
}

/** What is wrong with the cart `cartId` (one query), or null when it exists and is open. */
export async function cartStateError(scope: MedusaContainer, cartId: string): Promise<MedusaError | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
  return cartRefusal(data[0])
}

// Express matches routes case-insensitively, so /Store/Carts/… reaches the same handlers.
const STORE_CART_PATH = /^\/store\/carts\/([^/]+)(?:\/|$)/i

/** The cart id of a store cart route (`/store/carts/:id` and below), or null. */
export function storeCartIdFromPath(path: string): string | null {
  const match = STORE_CART_PATH.exec(path)
  if (!match) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null // a malformed escape: no cart route Express would have served either
  }
}

/** A refusal the cart's state may explain: any 4xx except 409, which keeps Medusa's retry answer. */
function isRefusal(error: unknown): boolean {
  const { statusCode } = getHttpResponseFromError(error)
  return statusCode >= 400 && statusCode < 500 && statusCode !== 409
}

function hasCartCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === CART_NOT_FOUND_CODE || code === CART_COMPLETED_CODE
}

function isMedusaStockRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  return e?.code === MedusaError.Codes.INSUFFICIENT_INVENTORY && e?.message === MEDUSA_INSUFFICIENT_INVENTORY_MESSAGE
}

function isQuantityRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; type?: unknown; message?: unknown } | null
  return e?.code === INVALID_QUANTITY_CODE && e?.type === MedusaError.Types.INVALID_DATA && typeof e?.message === "string"
}

/** The error to answer with for a refusal on an existing or missing cart. */
async function cartAnswerFor(error: unknown, scope: MedusaContainer, cartId: string): Promise<unknown> {
  if (hasCartCode(error)) return error // thrown by a route of ours, already checked
  const state = await cartStateError(scope, cartId)
  if (state) return state
  if (isMedusaStockRefusal(error)) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, CART_NOT_IN_STOCK_MESSAGE, MedusaError.Codes.INSUFFICIENT_INVENTORY)
  }
  return error
}

type ErrorHandler = (error: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Error handler for store cart refusals (see the top of this file); everything else, and
 * the answer itself, is the `fallback`'s (Medusa's error handler by default). Express does
 * not wait for an error handler's promise, so the lookup's own failure is caught here.
 */
export function cartErrorHandler(fallback: ErrorHandler = errorHandler()) {
  return function cartRefusals(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if (isQuantityRefusal(error)) {
      res.status(400).json({ ...invalidDataBody({ quantity: (error as MedusaError).message }), code: INVALID_QUANTITY_CODE })
      return
    }
    const cartId = req.scope ? storeCartIdFromPath(req.path) : null
    if (!cartId || !isRefusal(error)) return fallback(error, req, res, next)

    void cartAnswerFor(error, req.scope, cartId)
      .catch((lookupError) => {
        warn(req, `Cart state lookup for ${cartId} failed; answering the original error`, lookupError)
        return error
      })
      .then((answer) => fallback(answer, req, res, next))
      .catch((handlerError) => next(handlerError))
  }
}

function warn(req: MedusaRequest, message: string, error: unknown) {
  try {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`${message}: ${(error as Error)?.message ?? error}`)
  } catch {
    // no logger: the answer matters more than the log line
  }
}
