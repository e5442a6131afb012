import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute } from "@medusajs/framework/http"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors, validateQueryWithFieldErrors } from "../../store/groups/validators"
import { AdminCreateNotice, AdminGetNoticesParams, AdminUpdateNotice, AuthorCreateNotice } from "./validators"

/** `/admin/notices/:id` also matches `/admin/notices/authors`, which validates its own body. */
const unlessAuthors =
  (middleware: (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown) =>
  (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    /^\/admin\/notices\/authors\/?(\?|$)/.test(req.originalUrl) ? next() : middleware(req, res, next)

/**
 * Validation and protection for the routes of area notices: a Dutch message per
 * field, no WhatsApp invite link in a notice (notices are public), and the
 * wijkagent/municipality accounts' routes only for actor type `notice_author`.
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
    middlewares: [unlessAuthors(refuseWhatsAppInviteLinks()), unlessAuthors(validateBodyWithFieldErrors(AdminUpdateNotice))],
  },
  {
    matcher: "/store/notices/author*",
    middlewares: [authenticate("notice_author", ["session", "bearer"])],
  },
  {
    matcher: "/store/notices/author/notices",
    methods: ["POST"],
    middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(AuthorCreateNotice)],
  },
]
