import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBodyWithFieldErrors } from "../../middlewares/validation"
import { StoreSetCartGroup } from "./[id]/group/validators"

/** Validation of the shop's own cart routes (the group an order is for). */
export const cartMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/group",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreSetCartGroup)],
  },
]
