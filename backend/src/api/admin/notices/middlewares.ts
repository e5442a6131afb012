import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors, validateQueryWithFieldErrors } from "../../store/groups/validators"
import { AdminCreateNotice, AdminGetNoticesParams, AdminUpdateNotice } from "./validators"

/**
 * Validation and protection for the routes of area notices: a Dutch message per
 * field, and no WhatsApp invite link in a notice (notices are public).
 */
export const noticeMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/notices",
    methods: ["GET"],
    middlewares: [validateQueryWithFieldErrors(AdminGetNoticesParams)],
  },
  {
    matcher: "/admin/notices",
    methods: ["POST"],
    middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(AdminCreateNotice)],
  },
  {
    matcher: "/admin/notices/:id",
    methods: ["POST"],
    middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(AdminUpdateNotice)],
  },
]
