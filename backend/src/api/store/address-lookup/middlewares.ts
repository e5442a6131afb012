import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQueryWithFieldErrors } from "../groups/validators"
import { StoreAddressLookupParams } from "./validators"

/**
 * Validation of the address lookup. Not rate limited yet: this branch has no shared
 * limiter module (backend/src/api/middlewares/rate-limit.ts); answers are cached, so a
 * repeated address never reaches PDOK twice.
 */
export const addressLookupMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/address-lookup",
    methods: ["GET"],
    middlewares: [validateQueryWithFieldErrors(StoreAddressLookupParams)],
  },
]
