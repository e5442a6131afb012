import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQueryWithFieldErrors } from "../../middlewares/validation"
import { addressLookupRateLimit } from "../../middlewares/limits"
import { StoreAddressLookupParams } from "./validators"

/**
 * Validation of the address lookup, then a per-address rate limit: answers are cached,
 * so a repeated address never reaches PDOK twice, but a scraper walking postcodes would.
 */
export const addressLookupMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/address-lookup",
    methods: ["GET"],
    middlewares: [validateQueryWithFieldErrors(StoreAddressLookupParams), addressLookupRateLimit()],
  },
]
