import type { MiddlewareRoute } from "@medusajs/framework/http"
import { messageReportRateLimit } from "../../middlewares/limits"
import { validateBodyWithFieldErrors } from "../../middlewares/validation"
import { StoreReportAdminMessage } from "./validators"

/** The report link of relayed admin messages: no login, so limited per address (after validation). */
export const adminMessageReportMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/admin-messages/report",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreReportAdminMessage), messageReportRateLimit()],
  },
]
