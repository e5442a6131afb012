import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { IUserModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { normaliseEmail, normaliseEmailValue } from "../../lib/email"
import { NewPasswordBody, ResetPasswordBody, SignInBody } from "../utils/auth-fields"
import { validateBodyWithFieldErrors } from "./validation"

/** The one answer to every refused sign-up: it tells nobody whether an address is known or invited. */
export const REGISTRATION_CLOSED_MESSAGE =
  "Zelf een account aanmaken kan niet. Beheerders van een buurtgroep krijgen een account als hun groep is goedgekeurd; medewerkers via een uitnodiging."

/** LIKE wildcards in an address ("a_b@x.nl") must match themselves only. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Whether a staff invite for the address is still open (not accepted, not expired). */
export async function hasPendingInvite(req: MedusaRequest, email: string): Promise<boolean> {
  const users: IUserModuleService = req.scope.resolve(Modules.USER)
  const invites = await users.listInvites(
    { email: { $ilike: escapeLike(email) }, accepted: false, expires_at: { $gt: new Date() } } as any,
    { select: ["id", "email"], take: 20 }
  )
  return invites.some((invite) => normaliseEmail(invite.email) === email)
}

/**
 * Medusa's `POST /auth/:actor_type/:auth_provider/register` creates a login for any
 * address with a password of the caller's choice, without proving the caller owns
 * the address, and for any actor type in the URL (the identity itself is shared by all
 * actors). A login created that way before a group's approval would be reused for
 * the group's admin. So the shop closes it:
 * - group admins (`customer`) get their login only through approval
 *   (workflows/my-group/steps/ensure-group-admin-account.ts),
 * - wijkagent/municipality accounts (`notice_author`) are created by staff,
 * - staff (`user`) keep the admin dashboard's invite acceptance, which registers
 *   before `POST /admin/invites/accept`: allowed only for an address with an open
 *   invite (the invite's token, mailed to that address, is still needed to accept).
 * Express matches routes case-insensitively and ignores a trailing slash, and so does
 * this middleware's matcher: `/AUTH/Customer/emailpass/register/` is refused too.
 */
export function refuseOpenRegistration() {
  return async function refuseRegistration(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const actor = String(req.params?.actor_type ?? "").toLowerCase()
      const email = (req.body as Record<string, unknown> | undefined)?.email
      if (actor === "user" && typeof email === "string" && email.trim() && (await hasPendingInvite(req, normaliseEmail(email)))) {
        return next()
      }
      res.status(403).json({ type: "not_allowed", message: REGISTRATION_CLOSED_MESSAGE })
    } catch (error) {
      next(error)
    }
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

/** The shop's rules for Medusa's generic auth routes and the cart e-mail (registered in api/middlewares.ts). */
export const authAccountMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/auth/:actor_type/:auth_provider/register",
    methods: ["POST"],
    middlewares: [normaliseBodyEmails(), refuseOpenRegistration()],
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
