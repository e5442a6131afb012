/**
 * The shop's rate limits and where they apply. Budgets:
 *
 * | what | per | budget |
 * | --- | --- | --- |
 * | sign-in (customer, staff, notice author; any /auth/:actor/:provider) | address + account | 10 / 15 min, cleared by a successful sign-in |
 * |  | account | 100 / hour (failures only) |
 * |  | address | 50 / 15 min (failures only) |
 * | password reset request | account | 5 / hour |
 * |  | address | 20 / hour |
 * | group registration | address | 5 / hour |
 * | message to a group admin | address | 10 / hour |
 * | withdrawal ("Herroepen": lookup and confirmation together) | address | 30 / hour |
 * | address lookup (checkout, group point) | address | 120 / 10 min |
 *
 * Lockout protection: a stranger guessing an admin's password from one address runs
 * into "address + account" after 10 tries and "address" after 50; the checks run in that
 * order and a refused attempt spends nothing further, so they never reach the account's
 * own budget (100 per hour), and the admin signing in from their own address is not
 * affected. Only a distributed attack (10+ addresses) can exhaust the account's budget,
 * and then only for the rest of that hour.
 *
 * Keys use the route as Medusa matched it: the middleware is registered on Medusa's own
 * matchers (`/auth/:actor_type/:auth_provider`), and the key is built from the decoded
 * route params, lower-cased. So `/auth/customer/emailpass/`, `/AUTH/Customer/emailpass`,
 * `/auth/customer/emailpas%73` and any query string share one budget with the plain path.
 */
import crypto from "node:crypto"
import type { MedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { clientAddress } from "./client-address"
import { type Limit, type LimitCheck, minutes, rateLimit } from "./rate-limit"

const MINUTE = 60
const HOUR = 60 * MINUTE

export const LIMITS = {
  signInAddressAccount: { name: "sign-in:address+account", points: 10, durationSeconds: 15 * MINUTE },
  signInAccount: { name: "sign-in:account", points: 100, durationSeconds: HOUR },
  signInAddress: { name: "sign-in:address", points: 50, durationSeconds: 15 * MINUTE },
  resetAccount: { name: "reset-password:account", points: 5, durationSeconds: HOUR },
  resetAddress: { name: "reset-password:address", points: 20, durationSeconds: HOUR },
  registration: { name: "group-registration:address", points: 5, durationSeconds: HOUR },
  contact: { name: "group-contact:address", points: 10, durationSeconds: HOUR },
  // Order number + e-mail pairs: guessing stays slow as well as fruitless (the answers are neutral).
  withdrawal: { name: "withdrawal:address", points: 30, durationSeconds: HOUR },
  // Each lookup may cost a request to PDOK (answers are cached); a shopper needs a handful.
  addressLookup: { name: "address-lookup:address", points: 120, durationSeconds: 10 * MINUTE },
} satisfies Record<string, Limit>

/** `customer:emailpass`: the actor and provider Medusa's route resolved, whatever the spelling. */
function authRoute(req: MedusaRequest): string {
  const params = req.params as Record<string, string | undefined>
  return `${(params.actor_type ?? "").toLowerCase()}:${(params.auth_provider ?? "").toLowerCase()}`
}

/**
 * The account an auth request is about (emailpass: `email`, reset: `identifier`), one spelling
 * per person. Longer than any e-mail address can be (RFC 5321: 254): hashed, so nobody fills
 * the limiter's store with 100 kB keys.
 */
function account(field: string) {
  return (req: MedusaRequest): string | undefined => {
    const value = (req.body as Record<string, unknown> | undefined)?.[field]
    if (typeof value !== "string" || !value.trim()) return undefined
    const normalised = value.trim().toLowerCase()
    return normalised.length <= 254 ? normalised : `sha256:${crypto.createHash("sha256").update(normalised).digest("hex")}`
  }
}

const byAddress = (req: MedusaRequest) => clientAddress(req)

function signInChecks(): LimitCheck[] {
  const who = account("email")
  return [
    {
      limit: LIMITS.signInAddressAccount,
      key: (req) => (who(req) ? `${authRoute(req)}:${byAddress(req)}:${who(req)}` : undefined),
      onSuccess: "forget",
    },
    { limit: LIMITS.signInAddress, key: (req) => `${authRoute(req)}:${byAddress(req)}`, onSuccess: "refund" },
    // last: only attempts that passed both checks above spend the account's own budget
    { limit: LIMITS.signInAccount, key: (req) => (who(req) ? `${authRoute(req)}:${who(req)}` : undefined), onSuccess: "refund" },
  ]
}

function resetChecks(): LimitCheck[] {
  const who = account("identifier")
  return [
    { limit: LIMITS.resetAddress, key: (req) => `${authRoute(req)}:${byAddress(req)}` },
    { limit: LIMITS.resetAccount, key: (req) => (who(req) ? `${authRoute(req)}:${who(req)}` : undefined) },
  ]
}

export const SIGN_IN_MESSAGE = (n: number) => `Te veel pogingen om in te loggen. Probeer het over ${minutes(n)} opnieuw.`
export const RESET_MESSAGE = (n: number) =>
  `Je hebt al een paar keer een nieuw wachtwoord aangevraagd. Probeer het over ${minutes(n)} opnieuw.`
export const REGISTRATION_MESSAGE = (n: number) => `Je hebt al een paar groepen aangemeld. Probeer het over ${minutes(n)} opnieuw.`
export const CONTACT_MESSAGE = (n: number) => `Je hebt al veel berichten verstuurd. Probeer het over ${minutes(n)} opnieuw.`

export const WITHDRAWAL_MESSAGE = (n: number) => `Te veel aanvragen om te herroepen. Probeer het over ${minutes(n)} opnieuw.`
export const ADDRESS_LOOKUP_MESSAGE = (n: number) =>
  `Te veel adressen opgezocht. Vul straat en plaats zelf in, of probeer het over ${minutes(n)} opnieuw.`

/** Group registration (after validation, so a resident correcting typos is not locked out). */
export const registrationRateLimit = () => rateLimit([{ limit: LIMITS.registration, key: byAddress }], REGISTRATION_MESSAGE)
/** Messages relayed to group admins. */
export const contactRateLimit = () => rateLimit([{ limit: LIMITS.contact, key: byAddress }], CONTACT_MESSAGE)

/** The withdrawal function's lookup and confirmation share one budget per address. */
export const withdrawalRateLimit = () => rateLimit([{ limit: LIMITS.withdrawal, key: byAddress }], WITHDRAWAL_MESSAGE)
/** Postcode + huisnummer lookups. */
export const addressLookupRateLimit = () => rateLimit([{ limit: LIMITS.addressLookup, key: byAddress }], ADDRESS_LOOKUP_MESSAGE)

/**
 * Medusa's own auth routes, for every actor type (customer, user, notice_author) and provider.
 * GET too: Medusa's GET /auth/:actor_type/:auth_provider authenticates exactly like POST.
 */
export const authRateLimitMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/auth/:actor_type/:auth_provider",
    methods: ["GET", "POST"],
    middlewares: [rateLimit(signInChecks(), SIGN_IN_MESSAGE)],
  },
  {
    matcher: "/auth/:actor_type/:auth_provider/reset-password",
    methods: ["POST"],
    middlewares: [rateLimit(resetChecks(), RESET_MESSAGE)],
  },
]
