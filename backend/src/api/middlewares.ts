import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCreateGroup,
  AdminGetGroupsParams,
  AdminMessagingBlock,
  AdminModerateGroup,
  AdminRejectGroup,
  AdminRejectGroupChanges,
  AdminUpdateGroup,
  ADMIN_GROUP_FIELDS,
} from "./admin/groups/validators"
import { authRateLimitMiddlewares, cartCreationRateLimitMiddlewares, contactRateLimit, registrationRateLimit } from "./middlewares/limits"
import { bodyLimitMiddlewares, bodyTooLargeErrorHandler } from "./middlewares/body-limits"
import { cartErrorHandler } from "./middlewares/cart-errors"
import { checkoutLimitMiddlewares } from "./middlewares/checkout-limits"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors, validateQueryWithFieldErrors } from "./middlewares/validation"
import { StoreConfirmGroupRegistration, StoreContactGroup, StoreGetGroupsParams, StoreRegisterGroup } from "./store/groups/validators"
import { StoreGetMunicipalitiesParams } from "./store/municipalities/validators"
import { cartMiddlewares } from "./store/carts/middlewares"
import { adminNoticeMiddlewares } from "./admin/notices/middlewares"
import { AdminHandleMessageReport } from "./admin/admin-messages/validators"
import { noticeAuthorMiddlewares } from "./store/notices/author/middlewares"
import { invoiceMiddlewares } from "./store/invoice/middlewares"
import { myGroupMiddlewares } from "./store/my-group/middlewares"
import { adminMessageReportMiddlewares } from "./store/admin-messages/middlewares"
import { authAccountMiddlewares, authAnswerMiddlewares } from "./middlewares/auth-accounts"
import { adminInviteMiddlewares } from "./admin/invites/middlewares"
import { passwordChangedMiddlewares } from "./middlewares/password-changed"
import { paymentCollectionMiddlewares } from "./store/payment-collections/middlewares"
import { withdrawalMiddlewares } from "./store/withdrawals/middlewares"
import { addressLookupMiddlewares } from "./store/address-lookup/middlewares"
import { invalidCharactersErrorHandler, requestHygieneMiddlewares } from "./middlewares/request-hygiene"
import { requireConfirmedFarPoint } from "./utils/far-point"

/**
 * Validation and protection for the group directory's routes (and the stock import's body size). Store forms get an
 * error per field in Dutch (validateBodyWithFieldErrors); bodies containing a
 * WhatsApp invite link are refused first; rate limits count only requests that
 * passed validation, so a resident correcting typos is not locked out.
 */
export default defineMiddlewares({
  routes: [
    // ---- every route: no NUL characters; unknown routes a Dutch JSON 404 (api/middlewares/request-hygiene.ts)
    ...requestHygieneMiddlewares,
    // ---- store: group directory
    {
      matcher: "/store/groups",
      methods: ["GET"],
      middlewares: [validateQueryWithFieldErrors(StoreGetGroupsParams)],
    },
    {
      matcher: "/store/groups",
      methods: ["POST"],
      middlewares: [
        refuseWhatsAppInviteLinks(),
        validateBodyWithFieldErrors(StoreRegisterGroup, requireConfirmedFarPoint),
        registrationRateLimit(),
      ],
    },
    {
      matcher: "/store/groups/registrations/confirm",
      methods: ["POST"],
      middlewares: [validateBodyWithFieldErrors(StoreConfirmGroupRegistration)],
    },
    {
      matcher: "/store/groups/:slug/contact",
      methods: ["POST"],
      middlewares: [
        // The relay mails the admin what a stranger typed: no invite link may travel through it either.
        refuseWhatsAppInviteLinks(),
        validateBodyWithFieldErrors(StoreContactGroup),
        contactRateLimit(),
      ],
    },
    {
      matcher: "/store/municipalities",
      methods: ["GET"],
      middlewares: [validateQueryWithFieldErrors(StoreGetMunicipalitiesParams)],
    },

    // ---- admin: moderation
    {
      matcher: "/admin/groups",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminGetGroupsParams, { defaults: ADMIN_GROUP_FIELDS, isList: true })],
    },
    {
      matcher: "/admin/groups",
      methods: ["POST"],
      middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(AdminCreateGroup)],
    },
    {
      matcher: "/admin/groups/:id",
      methods: ["POST"],
      middlewares: [refuseWhatsAppInviteLinks(), validateBodyWithFieldErrors(AdminUpdateGroup)],
    },
    {
      matcher: "/admin/groups/:id/approve",
      methods: ["POST"],
      middlewares: [validateBodyWithFieldErrors(AdminModerateGroup)],
    },
    {
      matcher: "/admin/groups/:id/changes/approve",
      methods: ["POST"],
      middlewares: [validateBodyWithFieldErrors(AdminModerateGroup)],
    },
    {
      matcher: "/admin/groups/:id/reject",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminRejectGroup)],
    },
    {
      matcher: "/admin/groups/:id/messaging-block",
      methods: ["POST"],
      middlewares: [validateBodyWithFieldErrors(AdminMessagingBlock)],
    },
    {
      matcher: "/admin/admin-messages/reports/:id",
      methods: ["POST"],
      middlewares: [validateBodyWithFieldErrors(AdminHandleMessageReport)],
    },
    {
      matcher: "/admin/groups/:id/changes/reject",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminRejectGroupChanges)],
    },
    // ---- admin: stock import (CSV text in JSON; Medusa's default 100 kB limit is ~3,000 lines)
    {
      matcher: "/admin/stock-import",
      methods: ["POST"],
      bodyParser: { sizeLimit: "2mb" },
    },
    ...myGroupMiddlewares,
    // ---- the report link of relayed admin messages (issue 30)
    ...adminMessageReportMiddlewares,
    ...cartMiddlewares,
    // ---- orders per address and per e-mail address (api/middlewares/checkout-limits.ts)
    ...checkoutLimitMiddlewares,
    // ---- new carts per address (api/middlewares/limits.ts)
    ...cartCreationRateLimitMiddlewares,
    ...adminNoticeMiddlewares,
    ...noticeAuthorMiddlewares,
    ...invoiceMiddlewares,
    // ---- tokens and sessions older than the login's last password change count as none
    ...passwordChangedMiddlewares,
    // ---- Medusa's open sign-up closed (api/middlewares/auth-accounts.ts)
    ...authAccountMiddlewares,
    // ---- rate limits of Medusa's sign-in and reset routes; body limits (api/middlewares/)
    ...authRateLimitMiddlewares,
    // ---- after the limits: sign-up answers, equal sign-in time, reset answered first; staff invites
    ...authAnswerMiddlewares,
    ...adminInviteMiddlewares,
    ...bodyLimitMiddlewares,
    ...paymentCollectionMiddlewares,
    ...withdrawalMiddlewares,
    ...addressLookupMiddlewares,
  ],
  // 413 first (the connection closes), then a NUL PostgreSQL refused (400), then store cart
  // refusals get their code, then Medusa's own handler.
  errorHandler: bodyTooLargeErrorHandler(invalidCharactersErrorHandler(cartErrorHandler())),
})
