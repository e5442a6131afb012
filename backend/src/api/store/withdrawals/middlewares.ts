import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBodyWithFieldErrors } from "../groups/validators"
import { StoreWithdrawalRequest } from "./validators"

/**
 * The withdrawal function's routes: validated with a Dutch error per field. Both take
 * an order number and an e-mail address, so they are where the shared per-IP rate
 * limiter belongs: add it to these two entries (after the validation, like the group
 * forms in ../../middlewares.ts) so guessing pairs is slow as well as fruitless.
 */
export const withdrawalMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/withdrawals",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreWithdrawalRequest)],
  },
  {
    matcher: "/store/withdrawals/lookup",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreWithdrawalRequest)],
  },
]
