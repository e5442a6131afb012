import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { nearbyGroupsRateLimit } from "../../middlewares/limits"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors, validateQueryWithFieldErrors } from "../../middlewares/validation"
import {
  StoreConversationsParams,
  StoreMyGroupMessaging,
  StoreNearbyGroupsParams,
  StoreRemoveMyData,
  StoreReplyAdminMessage,
  StoreSendAdminMessage,
  StoreSendWarning,
  StoreUpdateMyGroup,
} from "./validators"

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
  // ---- admin to admin (issue 30). The limits per sender and receiver are counted by the
  // workflows once a message is allowed (workflows/admin-messages/steps/messaging-limits.ts).
  {
    matcher: "/store/my-group/groups/:id/messaging",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreMyGroupMessaging)],
  },
  {
    matcher: "/store/my-group/groups/:id/nearby",
    methods: ["GET"],
    middlewares: [validateQueryWithFieldErrors(StoreNearbyGroupsParams), nearbyGroupsRateLimit()],
  },
  {
    matcher: "/store/my-group/groups/:id/conversations",
    methods: ["GET"],
    middlewares: [validateQueryWithFieldErrors(StoreConversationsParams)],
  },
  {
    matcher: "/store/my-group/groups/:id/messages",
    methods: ["POST"],
    middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(StoreSendAdminMessage)],
  },
  {
    matcher: "/store/my-group/groups/:id/messages/:message_id/reply",
    methods: ["POST"],
    middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(StoreReplyAdminMessage)],
  },
  {
    matcher: "/store/my-group/groups/:id/warnings",
    methods: ["POST"],
    middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(StoreSendWarning)],
  },
  {
    matcher: "/store/my-group/removal",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(StoreRemoveMyData)],
  },
]
