import { type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute } from "@medusajs/framework/http"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors, validateQueryWithFieldErrors } from "../../middlewares/validation"
import { AdminCreateNotice, AdminGetNoticesParams, AdminUpdateNotice } from "./validators"

/** `/admin/notices/:id` also matches `/admin/notices/authors`, which validates its own body. */
const unlessAuthors =
  (middleware: (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown) =>
  (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    /^\/admin\/notices\/authors\/?(\?|$)/.test(req.originalUrl) ? next() : middleware(req, res, next)

/**
 * Validation and protection for the staff routes of area notices: a Dutch message per
 * field, no WhatsApp invite link in a notice (notices are public).
 */
export const adminNoticeMiddlewares: MiddlewareRoute[] = [
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
    middlewares: [unlessAuthors(refuseWhatsAppInviteLinks()), unlessAuthors(validateBodyWithFieldErrors(AdminUpdateNotice))],
  },
]
