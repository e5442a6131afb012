import type { MiddlewareRoute } from "@medusajs/framework/http"
import { messageReportLookupRateLimit, messageReportRateLimit } from "../../middlewares/limits"
import { validateBodyWithFieldErrors } from "../../middlewares/validation"
import { StoreReportAdminMessage } from "./validators"

/**
 * The report link of relayed admin messages: no login, so limited per address. Filing a report
 * (after validation) and looking a link up (before anything else, unknown tokens included) each
 * have their own budget.
 */
export const adminMessageReportMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/admin-messages/report",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreReportAdminMessage), messageReportRateLimit()],
  },
  {
    matcher: "/store/admin-messages/report/:token",
    methods: ["GET"],
    middlewares: [messageReportLookupRateLimit()],
  },
]
