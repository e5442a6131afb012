import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normaliseEmail } from "../../../lib/email"
import { staffRegistrationFromHeader } from "../../../lib/staff-registration"
import { acceptStaffInviteWorkflow } from "../../../workflows/staff/accept-staff-invite"
import { INVITE_INVALID_MESSAGE } from "../../../workflows/staff/steps/check-staff-invite"
import { inviteAcceptRateLimit } from "../../middlewares/limits"
import { validateBodyWithFieldErrors, validateQueryWithFieldErrors } from "../../middlewares/validation"
import { AdminAcceptStaffInvite, AdminAcceptStaffInviteQuery } from "./validators"

/**
 * `POST /admin/invites/accept?token=…`, as Medusa's admin page /app/invite calls it, answered
 * by the shop: with the sealed sign-up from `POST /auth/user/emailpass/register` as bearer
 * (lib/staff-registration.ts), the workflow makes the login and the user in one go, and only
 * for the address the invite was sent to. Medusa's own acceptance would link any login
 * without an actor that holds the invite token; it is never reached: a Medusa token
 * (someone's own login) or a session gets the same 400 as a wrong invite.
 * The dashboard shows "invalid invite" for a 400 and a generic error for anything else.
 */
export function acceptInviteWithStaffSignUp() {
  return async function acceptWithStaffSignUp(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const signUp = staffRegistrationFromHeader(req.headers.authorization, http.jwtSecret as string)
      const body = req.validatedBody as { email?: string; first_name?: string | null; last_name?: string | null }
      const { token } = req.validatedQuery as { token: string }
      if (!signUp || (body.email !== undefined && normaliseEmail(body.email) !== signUp.email)) {
        res.status(400).json({ type: "invalid_data", message: INVITE_INVALID_MESSAGE })
        return
      }
      const { result: user } = await acceptStaffInviteWorkflow(req.scope).run({
        input: { invite_token: token, email: signUp.email, password: signUp.password, first_name: body.first_name, last_name: body.last_name },
      })
      res.status(200).json({ user })
    } catch (error) {
      if (error instanceof MedusaError || (error as { type?: string })?.type) {
        const type = (error as MedusaError).type
        const status = type === MedusaError.Types.UNAUTHORIZED ? 401 : type === MedusaError.Types.INVALID_DATA || type === MedusaError.Types.NOT_ALLOWED ? 400 : 0
        if (status) {
          res.status(status).json({ type, message: (error as Error).message })
          return
        }
      }
      next(error)
    }
  }
}

export const adminInviteMiddlewares: MiddlewareRoute[] = [
  {
    // a wildcard, so it runs before Medusa's own middlewares of the route (its authenticate would
    // refuse the sealed sign-up) and answers in their place
    matcher: "/admin/invites/accept*",
    methods: ["POST"],
    middlewares: [
      inviteAcceptRateLimit(),
      validateQueryWithFieldErrors(AdminAcceptStaffInviteQuery),
      validateBodyWithFieldErrors(AdminAcceptStaffInvite),
      acceptInviteWithStaffSignUp(),
    ],
  },
]
