import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBodyWithFieldErrors } from "../../store/groups/validators"
import { StoreSetCartGroup } from "./validators"

/** Validation and protection for the routes of orders placed for a group. */
export const groupOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/group",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreSetCartGroup)],
  },
]
