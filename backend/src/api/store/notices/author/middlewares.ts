import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors } from "../../../middlewares/validation"
import { AuthorCreateNotice } from "./validators"

/**
 * The wijkagent/municipality accounts' routes: only for actor type `notice_author`,
 * a Dutch message per field, no WhatsApp invite link in a notice (notices are public).
 */
export const noticeAuthorMiddlewares: MiddlewareRoute[] = [
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
