/**
 * A password change ends every other session (issue 24, item 10).
 *
 * Medusa's tokens stay valid until they expire, and an admin session keeps the token it was
 * made from, whatever happens to the password. Here a token (bearer, or the one inside an
 * admin session) issued in an earlier second than the login's last password change counts
 * as no token at all.
 *
 * The time of the last change is the `updated_at` of the login's emailpass provider
 * identity: Medusa writes that row only when the password is written (the reset link's
 * `…/update`, the auth module's updateProvider, the approval workflow removing a stranger's
 * password); signing in and reset requests write elsewhere (the reset token has its own
 * table). Should other code ever update that row, its sessions end too: the safe side.
 * A token issued in the same second as the change still counts (JWT `iat` has whole
 * seconds), so the browser that just chose the password and signs in at once stays in.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

type TokenContext = { auth_identity_id?: string; iat?: number }

export const SESSION_ENDED_MESSAGE = "Je wachtwoord is gewijzigd. Log opnieuw in."

/** Whether the login's password changed in a later second than the token was issued. */
async function passwordChangedSince(req: MedusaRequest, context: TokenContext | null | undefined): Promise<boolean> {
  if (!context?.auth_identity_id || typeof context.iat !== "number") return false
  const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
  const logins = await auth.listProviderIdentities(
    { auth_identity_id: context.auth_identity_id, provider: "emailpass" },
    { select: ["id", "updated_at"] }
  )
  return logins.some((login) => {
    const changed = (login as { updated_at?: Date | string | null }).updated_at
    return !!changed && Math.floor(new Date(changed).getTime() / 1000) > context.iat!
  })
}

/**
 * Drops a stale bearer token and a stale admin session from the request, so Medusa's own
 * `authenticate` (run per route after this) sees none: public store routes answer as to a
 * visitor, protected ones 401. Admin routes have been authenticated already (Medusa does
 * that for `/admin` before any route's middlewares): when that was by a stale token, the
 * answer is 401 here.
 */
export function endSessionsOlderThanPassword() {
  return async function endStaleSessions(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const bearer = getAuthContextFromJwtToken(
        req.headers.authorization,
        http.jwtSecret as string,
        ["bearer"],
        ["*"],
        http.jwtPublicKey,
        (http.jwtVerifyOptions ?? http.jwtOptions) as any
      ) as TokenContext | null
      const session = (req as { session?: { auth_context?: TokenContext } }).session
      const staleBearer = await passwordChangedSince(req, bearer)
      const staleSession = await passwordChangedSince(req, session?.auth_context)
      if (!staleBearer && !staleSession) return next()

      const current = (req as { auth_context?: TokenContext }).auth_context
      const authenticatedByStale =
        !!current &&
        ((staleBearer && current.auth_identity_id === bearer?.auth_identity_id && current.iat === bearer?.iat) ||
          (staleSession && current.auth_identity_id === session?.auth_context?.auth_identity_id && current.iat === session?.auth_context?.iat))
      if (staleBearer) delete req.headers.authorization
      if (staleSession && session) delete session.auth_context
      if (authenticatedByStale) {
        if (req.originalUrl.toLowerCase().startsWith("/admin")) {
          res.status(401).json({ type: "unauthorized", message: SESSION_ENDED_MESSAGE })
          return
        }
        delete (req as { auth_context?: unknown }).auth_context
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

/**
 * Without methods, so they are "global" middlewares: the routes sorter puts those first, and
 * the shortest matcher first, before route middlewares that authenticate themselves (such as
 * `/store/my-group*`). Listed before the other auth middlewares in api/middlewares.ts.
 */
export const passwordChangedMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin*", middlewares: [endSessionsOlderThanPassword()] },
  { matcher: "/store*", middlewares: [endSessionsOlderThanPassword()] },
  // a refresh would issue a fresh token for a stale one
  { matcher: "/auth/token/refresh*", methods: ["POST"], middlewares: [endSessionsOlderThanPassword()] },
]
