import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { authenticate } from "@medusajs/framework/http"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import type { z } from "@medusajs/framework/zod"
import { normaliseEmail, normaliseEmailValue } from "../../lib/email"
import { spendPasswordCheck } from "../../lib/password"
import { sealStaffRegistration } from "../../lib/staff-registration"
import { NewPasswordBody, ResetPasswordBody, SignInBody } from "../utils/auth-fields"
import { validateBodyWithFieldErrors } from "./validation"

/** The one answer to every refused sign-up: it tells nobody whether an address is known or invited. */
export const REGISTRATION_CLOSED_MESSAGE =
  "Zelf een account aanmaken kan niet. Beheerders van een buurtgroep krijgen een account als hun groep is goedgekeurd; medewerkers via een uitnodiging."

/**
 * The only actor types of the shop: customers (group admins), staff (`user`) and wijkagent /
 * municipality accounts (`notice_author`). Medusa's auth routes take any word as actor type
 * and its emailpass provider checks the one login of an address whatever the word, so
 * `/auth/nosuch/emailpass` would be a sign-in too (with its own token and limits).
 */
export const AUTH_ACTOR_TYPES = ["customer", "user", "notice_author"] as const

export const NOT_FOUND_MESSAGE = "Deze pagina bestaat niet."
const notFound = (res: MedusaResponse) => res.status(404).json({ type: "not_found", message: NOT_FOUND_MESSAGE })

/** The only auth provider of the shop (no SSO, no Medusa Cloud). */
export const AUTH_PROVIDERS = ["emailpass"] as const

/**
 * The path segment after `/auth/<actor_type>/`, decoded like Express decodes parameters; undefined
 * for Medusa's `/auth/<actor_type>/providers` (the list of sign-in methods the admin's login page
 * reads), which names no provider.
 */
function authProviderSegment(path: string): string | undefined {
  const segments = path.split("/").filter(Boolean)
  const segment = segments[2]
  if (segment === undefined) return undefined
  let decoded = segment
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    // left as written: not a provider either
  }
  if (decoded.toLowerCase() === "providers" && segments.length === 3) return undefined
  return decoded
}

/**
 * 404 for `/auth/<actor_type>/…` with any other actor type (exactly spelled: `Customer` is not one),
 * and for any provider but emailpass: Medusa answered `/auth/customer/google` (or `EMAILPASS`)
 * with a 401 that spelled out its provider configuration ("Unable to retrieve the auth provider
 * with id: google … configured correctly in your project configuration file").
 */
export function refuseUnknownActorTypes() {
  return function refuseUnknownActorType(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const actor = (req.params as Record<string, string | undefined>).actor_type
    if (!(AUTH_ACTOR_TYPES as readonly string[]).includes(actor ?? "")) return notFound(res)
    const provider = authProviderSegment(req.path)
    if (provider !== undefined && !(AUTH_PROVIDERS as readonly string[]).includes(provider)) return notFound(res)
    next()
  }
}

/**
 * Medusa's `POST /store/customers` makes a customer for any e-mail address from a customer token
 * without an actor, which anyone with any login gets by signing in at `/auth/customer/emailpass`
 * (a staff or wijkagent login, or a group admin's login before its customer exists). The shop
 * never lets shoppers register: group admins' customers are made by approval. Refused like
 * Medusa's sign-up (403, the same Dutch sentence), for every spelling Express routes here
 * (case, trailing slash); the encoded spellings reach no route at all (404).
 */
export function refuseCustomerSelfRegistration() {
  return function refuseCustomerCreation(_req: MedusaRequest, res: MedusaResponse) {
    res.status(403).json({ type: "not_allowed", message: REGISTRATION_CLOSED_MESSAGE })
  }
}

/**
 * Medusa's `POST /auth/:actor_type/:auth_provider/register` creates a login for any
 * address with a password of the caller's choice, without proving the caller owns
 * the address, and for any actor type in the URL (the identity itself is shared by all
 * actors). A login created that way before a group's approval would be reused for
 * the group's admin, and one created before a staff invite's acceptance became staff.
 * So the shop makes no login here:
 * - group admins (`customer`) get their login only through approval
 *   (workflows/my-group/steps/ensure-group-admin-account.ts),
 * - wijkagent/municipality accounts (`notice_author`) are created by staff,
 * - staff (`user`): Medusa's admin page /app/invite signs up here and then accepts the
 *   invite. Every staff sign-up with an address and a password gets the same 200 with a
 *   sealed note of them (lib/staff-registration.ts), invite or not, in the same time (no
 *   database read), and only `POST /admin/invites/accept` with the invite token sent to that
 *   address turns it into a login (api/admin/invites/middlewares.ts).
 * Express matches routes case-insensitively and ignores a trailing slash, and so does
 * this middleware's matcher: `/AUTH/user/emailpass/register/` is handled alike.
 */
export function refuseOpenRegistration() {
  const validateSignUp = validateBodyWithFieldErrors(SignInBody)
  return function refuseRegistration(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const { actor_type, auth_provider } = req.params as Record<string, string | undefined>
    if (actor_type !== "user" || auth_provider !== "emailpass") {
      res.status(403).json({ type: "not_allowed", message: REGISTRATION_CLOSED_MESSAGE })
      return
    }
    validateSignUp(req, res, () => {
      const { email, password } = req.validatedBody as { email: string; password: string }
      const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      res.status(200).json({ token: sealStaffRegistration({ email: normaliseEmail(email), password }, http.jwtSecret as string) })
    })
  }
}

/**
 * Medusa's `POST /auth/token/refresh` turns a token without an actor (a sign-up, or a login
 * signed in on another actor's path) into one with the actor once the login has one: an
 * early sign-up for an invited address became a staff token that way. Nothing in the shop
 * refreshes tokens (the storefront and the admin sign in again), so a refresh is refused for
 * any token or session without an actor; one with an actor keeps Medusa's refresh.
 */
export const REFRESH_REFUSED_MESSAGE = "Je sessie is verlopen. Log opnieuw in."
export function refuseActorlessRefresh() {
  const authenticated = authenticate("*", ["session", "bearer"], { allowUnregistered: true, requireMfa: false })
  return function refuseRefresh(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    authenticated(req, res, (error?: unknown) => {
      if (error) return next(error)
      const context = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context
      if (!context?.actor_id) {
        res.status(401).json({ type: "unauthorized", message: REFRESH_REFUSED_MESSAGE })
        return
      }
      next()
    })
  }
}

/**
 * Medusa's emailpass sign-in answers an unknown address without comparing any hash (~10 ms)
 * and a known one after scrypt (~130 ms): the time told which addresses have a login. For an
 * address without a login (or a login without a password) the same scrypt is spent first.
 */
export function equaliseSignInTime() {
  return async function equaliseSignIn(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const { auth_provider } = req.params as Record<string, string | undefined>
      const { email, password } = (req.body ?? {}) as Record<string, unknown>
      if (auth_provider === "emailpass" && typeof email === "string" && typeof password === "string") {
        const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
        const [login] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" }, { select: ["id", "provider_metadata"] })
        if (typeof login?.provider_metadata?.password !== "string") await spendPasswordCheck(password)
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

/**
 * Medusa's reset-password route answers 201 for every address, but only after making and
 * storing a token (and emitting the mail's event) when the address has a login: a few ms
 * more that tell which addresses have one. The shop answers first and then runs Medusa's
 * own workflow with the same input, so every answer takes the same time. Runs after the
 * rate limit (api/middlewares.ts lists it there).
 */
export function resetPasswordAfterAnswer() {
  return function resetAfterAnswer(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const { actor_type, auth_provider } = req.params as Record<string, string>
    const body = ((req as { validatedBody?: unknown }).validatedBody ?? req.body ?? {}) as Record<string, unknown>
    if (auth_provider !== "emailpass" || typeof body.identifier !== "string") return next()
    const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const scope = req.scope
    res.sendStatus(201)
    setImmediate(() => {
      generateResetPasswordTokenWorkflow(scope)
        .run({
          input: {
            entityId: body.identifier as string,
            actorType: actor_type,
            provider: auth_provider,
            secret: http.jwtSecret as string,
            jwtOptions: http.jwtOptions,
            metadata: body.metadata && typeof body.metadata === "object" ? (body.metadata as Record<string, unknown>) : undefined,
          },
          // like Medusa's route: an unknown address is no error worth reporting
          throwOnError: false,
        })
        .catch((error: unknown) => scope.resolve(ContainerRegistrationKeys.LOGGER).error(`reset-password: ${String(error)}`))
    })
  }
}

/**
 * Sign-in (`email`), reset-password request (`identifier`), registration and the
 * checkout's cart e-mail (`email`) reach Medusa with the address trimmed and
 * lower-cased, the spelling every login and record of the shop is created with
 * (see lib/email.ts). Non-strings are left to validation.
 */
export function normaliseBodyEmails(fields: string[] = ["email", "identifier"]) {
  return function normaliseBodyEmailFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    // Medusa's own body validation may have run before this middleware: normalise its copy too
    for (const target of [req.body, (req as { validatedBody?: unknown }).validatedBody]) {
      if (!target || typeof target !== "object") continue
      const record = target as Record<string, unknown>
      for (const field of fields) if (field in record) record[field] = normaliseEmailValue(record[field])
    }
    next()
  }
}

/** Validates the body of Medusa's emailpass routes only (other providers have other bodies). */
function validateEmailpassBody(schema: z.ZodType) {
  const validate = validateBodyWithFieldErrors(schema)
  return function validateEmailpass(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const provider = (req.params as Record<string, string | undefined>).auth_provider?.toLowerCase()
    return provider === "emailpass" ? validate(req, res, next) : next()
  }
}

/**
 * The shop's rules for Medusa's generic auth routes and the cart e-mail, before the rate
 * limits (registered in api/middlewares.ts).
 */
export const authAccountMiddlewares: MiddlewareRoute[] = [
  {
    // A wildcard, so it runs before every route and middleware under /auth/:actor_type/… (the
    // routes sorter puts wildcards first), including Medusa's /auth/:auth_provider/user, which
    // makes a staff user from an SSO login: the shop has no SSO, so `/auth/emailpass/user` is a 404 too.
    // Medusa's static auth routes (/auth/session, /auth/token/refresh, /auth/mfa/…) are matched before it.
    matcher: "/auth/:actor_type/*",
    methods: ["GET", "POST", "DELETE"],
    middlewares: [refuseUnknownActorTypes()],
  },
  {
    matcher: "/store/customers",
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    middlewares: [refuseCustomerSelfRegistration()],
  },
  {
    // Medusa Cloud's sign-up of staff from a cloud login: the shop has no Medusa Cloud
    matcher: "/cloud/*",
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    middlewares: [(_req: MedusaRequest, res: MedusaResponse) => notFound(res)],
  },
  {
    matcher: "/auth/token/refresh*",
    methods: ["POST"],
    middlewares: [refuseActorlessRefresh()],
  },
  {
    matcher: "/auth/:actor_type/:auth_provider/register",
    methods: ["POST"],
    middlewares: [normaliseBodyEmails()],
  },
  {
    matcher: "/auth/:actor_type/:auth_provider",
    methods: ["POST"],
    middlewares: [normaliseBodyEmails(), validateEmailpassBody(SignInBody)],
  },
  {
    matcher: "/auth/:actor_type/:auth_provider/reset-password",
    methods: ["POST"],
    middlewares: [normaliseBodyEmails()],
  },
  {
    // Wildcards, so they run before Medusa's own middlewares of these routes (its English
    // body validation of reset-password, its token check of update): a form gets its
    // Dutch errors per field first. Group admins choose their password on update
    // (set-password and reset links); staff and notice authors keep Medusa's rules.
    matcher: "/auth/:actor_type/:auth_provider/reset-password*",
    methods: ["POST"],
    middlewares: [validateEmailpassBody(ResetPasswordBody)],
  },
  {
    matcher: "/auth/customer/:auth_provider/update*",
    methods: ["POST"],
    middlewares: [validateEmailpassBody(NewPasswordBody)],
  },
  {
    // a wildcard, so it runs before Medusa's own validation of /store/carts and /store/carts/:id
    // (the routes sorter puts wildcard matchers first), which refuses " Koper@Example.nl"
    matcher: "/store/carts*",
    methods: ["POST"],
    middlewares: [normaliseBodyEmails(["email"])],
  },
]

/**
 * What runs after the rate limits (api/middlewares/limits.ts), so a refused attempt costs
 * nothing: sign-up (403, or the sealed staff sign-up), the sign-in's equal time, and the
 * reset request answered before its work.
 */
export const authAnswerMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/auth/:actor_type/:auth_provider/register",
    methods: ["POST"],
    middlewares: [refuseOpenRegistration()],
  },
  {
    // GET too: Medusa's GET /auth/:actor_type/:auth_provider authenticates exactly like POST
    matcher: "/auth/:actor_type/:auth_provider",
    methods: ["GET", "POST"],
    middlewares: [equaliseSignInTime()],
  },
  {
    matcher: "/auth/:actor_type/:auth_provider/reset-password",
    methods: ["POST"],
    middlewares: [resetPasswordAfterAnswer()],
  },
]
