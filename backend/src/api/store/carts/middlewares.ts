import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { validateBodyWithFieldErrors } from "../../middlewares/validation"
import { StoreSetCartGroup } from "./[id]/group/validators"

export const LINE_NOT_FOUND_CODE = "line_not_found"
export const LINE_NOT_FOUND_MESSAGE = "Deze regel staat niet in deze winkelmand."

/**
 * Medusa's `DELETE /store/carts/:id/line-items/:line_id` runs deleteLineItemsWorkflow with the
 * line id alone: it never checks that the line belongs to the cart in the path, so a cart id of
 * one's own deleted any other visitor's line. (`POST` on that path, the update, is refused by
 * Medusa's own step, in English.) Before either runs, a line that is not in the cart gets one
 * answer, whether it is another cart's or does not exist: 404 `line_not_found` in Dutch (an
 * unknown or completed cart still gets cart_not_found / cart_completed from cart-errors.ts).
 * Medusa's store API has no other route that takes a line id (2.21).
 */
export function lineOfThisCart() {
  return async function refuseOtherCartsLine(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const { id: cartId, line_id: lineId } = req.params as Record<string, string | undefined>
      const found = cartId && lineId ? await req.scope.resolve(Modules.CART).listLineItems({ id: lineId, cart_id: cartId }, { select: ["id"], take: 1 }) : []
      if (!found.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, LINE_NOT_FOUND_MESSAGE, LINE_NOT_FOUND_CODE)
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** Validation and protection of the store's cart routes (Medusa's and the shop's own). */
export const cartMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/group",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreSetCartGroup)],
  },
  {
    // every method Medusa serves on a line (update, delete)
    matcher: "/store/carts/:id/line-items/:line_id",
    methods: ["POST", "DELETE"],
    middlewares: [lineOfThisCart()],
  },
]
