import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBodyWithFieldErrors } from "../../middlewares/validation"
import { withdrawalRateLimit } from "../../middlewares/limits"
import { StoreWithdrawalRequest } from "./validators"

/**
 * The withdrawal function's routes: validated with a Dutch error per field, then
 * rate limited per address (one budget for both routes, counted after validation like
 * the group forms), so guessing order number + e-mail pairs is slow as well as fruitless.
 */
export const withdrawalMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/withdrawals",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreWithdrawalRequest), withdrawalRateLimit()],
  },
  {
    matcher: "/store/withdrawals/lookup",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreWithdrawalRequest), withdrawalRateLimit()],
  },
]
