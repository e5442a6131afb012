import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors } from "../../middlewares/validation"
import { StoreRemoveMyData, StoreUpdateMyGroup } from "./validators"

/**
 * Validation and protection for the routes of group admin accounts ("Mijn groep"):
 * a signed-in customer (session cookie or bearer token from /auth/customer/emailpass),
 * Dutch errors per field, no WhatsApp invite links in any field. (The limits on
 * Medusa's sign-in and reset-password routes live in api/middlewares/limits.ts.)
 */
export const myGroupMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/my-group*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/my-group/groups/:id",
    methods: ["POST"],
    middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(StoreUpdateMyGroup)],
  },
  {
    matcher: "/store/my-group/removal",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreRemoveMyData)],
  },
]
