/**
 * The shop's rate limits and where they apply. Budgets:
 *
 * | what | per | budget |
 * | --- | --- | --- |
 * | sign-in (customer, staff, notice author: one budget for all three) | address + account | 10 / 15 min, cleared by a successful sign-in |
 * |  | account | 100 / hour (failures only) |
 * |  | address | 50 / 15 min (failures only) |
 * | password reset request | account | 5 / hour |
 * |  | address | 20 / hour |
 * | sign-up (any actor; only staff sign-ups are answered) | address | 10 / hour |
 * | staff invite acceptance | address | 10 / hour |
 * | group registration | address | 5 / hour (GROUP_REGISTRATION_LIMIT_PER_ADDRESS) |
 * | message to a group admin | address | 10 / hour |
 * | withdrawal ("Herroepen": lookup and confirmation together) | address | 30 / hour |
 * | address lookup (checkout, group point) | address | 120 / 10 min |
 * | new cart (`POST /store/carts`) | address | 60 / hour (CART_LIMIT_PER_ADDRESS) |
 * | message or reply to another group's admin | sending admin (account) | 10 / hour |
 * |  | receiving group | 15 / day |
 * | warning to nearby groups ("Waarschuw buurgroepen") | sending group | 3 / day |
 * | report of a relayed message ("Melden") | address | 10 / hour |
 * | groups nearby ("Buurgroepen") | signed-in admin (account) | 120 / 10 min (NEARBY_GROUPS_LIMIT_PER_ACCOUNT) |
 * | lookup of a report link (`GET /store/admin-messages/report/:token`), unknown tokens included | address | 30 / hour (MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS) |
 *
 * Lockout protection: a stranger guessing an admin's password from one address runs
 * into "address + account" after 10 tries and "address" after 50; the checks run in that
 * order and a refused attempt spends nothing further, so they never reach the account's
 * own budget (100 per hour), and the admin signing in from their own address is not
 * affected. Only a distributed attack (10+ addresses) can exhaust the account's budget,
 * and then only for the rest of that hour.
 *
 * Keys are the login (the e-mail address, normalised) and the client's address, never the
 * path: Medusa's emailpass provider checks the one login of an address on every actor path
 * (`/auth/customer/…`, `/auth/user/…`, `/auth/notice_author/…`), so all of them, in any
 * spelling (`/auth/customer/emailpass/`, `%73`, query strings), spend one budget.
 * The client's address is one IPv6 /64 or one IPv4 address (client-address.ts).
 */
import crypto from "node:crypto"
import type { MedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { readCartLimitPerAddress, readMessageReportLookupLimitPerAddress, readNearbyGroupsLimitPerAccount, readRegistrationLimitPerAddress } from "../../config/env"
import { normaliseEmail } from "../../lib/email"
import { clientAddress } from "./client-address"
import { type Limit, type LimitCheck, minutes, rateLimit, waitText } from "./rate-limit"

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const LIMITS = {
  signInAddressAccount: { name: "sign-in:address+account", points: 10, durationSeconds: 15 * MINUTE },
  signInAccount: { name: "sign-in:account", points: 100, durationSeconds: HOUR },
  signInAddress: { name: "sign-in:address", points: 50, durationSeconds: 15 * MINUTE },
  resetAccount: { name: "reset-password:account", points: 5, durationSeconds: HOUR },
  resetAddress: { name: "reset-password:address", points: 20, durationSeconds: HOUR },
  signUpAddress: { name: "sign-up:address", points: 10, durationSeconds: HOUR },
  // An acceptance may check the password of an existing login (a group admin invited as staff).
  inviteAcceptAddress: { name: "invite-accept:address", points: 10, durationSeconds: HOUR },
  registration: { name: "group-registration:address", points: readRegistrationLimitPerAddress(), durationSeconds: HOUR },
  contact: { name: "group-contact:address", points: 10, durationSeconds: HOUR },
  // Order number + e-mail pairs: guessing stays slow as well as fruitless (the answers are neutral).
  withdrawal: { name: "withdrawal:address", points: 30, durationSeconds: HOUR },
  // Each lookup may cost a request to PDOK (answers are cached); a shopper needs a handful.
  addressLookup: { name: "address-lookup:address", points: 120, durationSeconds: 10 * MINUTE },
  // Every cart is a row; a shopper makes one (the storefront makes it with its first line).
  cartCreation: { name: "cart-create:address", points: readCartLimitPerAddress(), durationSeconds: HOUR },
  // Admin-to-admin messages (issue 30): counted by the workflows once a message may go (a
  // refused one costs nothing), given back when it could not be sent. The sender's budget
  // keeps one admin from flooding the others; the receiver's keeps many from flooding one.
  adminMessageSender: { name: "admin-message:sender", points: 10, durationSeconds: HOUR },
  adminMessageReceiver: { name: "admin-message:receiver", points: 15, durationSeconds: DAY },
  adminWarning: { name: "admin-warning:group", points: 3, durationSeconds: DAY },
  // The same warning text from the same group once per 10 minutes: a retried form (the shop
  // answered late, the admin pressed again) sends nothing twice.
  adminWarningRepeat: { name: "admin-warning:group+text", points: 1, durationSeconds: 10 * MINUTE },
  // "Buurgroepen" per signed-in admin: a page asks once; generous for a person, not for a script.
  nearbyGroups: { name: "nearby-groups:account", points: readNearbyGroupsLimitPerAccount(), durationSeconds: 10 * MINUTE },
  // The report link needs no login: its token is the proof, the address the budget.
  messageReport: { name: "message-report:address", points: 10, durationSeconds: HOUR },
  // Opening a report link shows the message; every lookup counts, an unknown token too, so
  // guessing tokens is bounded per address (on top of the token's 256 bits) and costs no more
  // than a handful of queries. Filing the report spends messageReport besides.
  messageReportLookup: {
    name: "message-report-lookup:address",
    points: readMessageReportLookupLimitPerAddress(),
    durationSeconds: HOUR,
  },
} satisfies Record<string, Limit>

/**
 * The account an auth request is about (emailpass: `email`, reset: `identifier`), one spelling
 * per person. Longer than any e-mail address can be (RFC 5321: 254): hashed, so nobody fills
 * the limiter's store with 100 kB keys.
 */
function account(field: string) {
  return (req: MedusaRequest): string | undefined => {
    const value = (req.body as Record<string, unknown> | undefined)?.[field]
    if (typeof value !== "string" || !value.trim()) return undefined
    const normalised = normaliseEmail(value)
    return normalised.length <= 254 ? normalised : `sha256:${crypto.createHash("sha256").update(normalised).digest("hex")}`
  }
}

/** The client's address as every limit keys it (one IPv6 /64 is one client): use it for new limits too. */
export const byAddress = (req: MedusaRequest) => clientAddress(req)

function signInChecks(): LimitCheck[] {
  const who = account("email")
  return [
    {
      limit: LIMITS.signInAddressAccount,
      key: (req) => (who(req) ? `${byAddress(req)}:${who(req)}` : undefined),
      onSuccess: "forget",
    },
    { limit: LIMITS.signInAddress, key: byAddress, onSuccess: "refund" },
    // last: only attempts that passed both checks above spend the account's own budget
    { limit: LIMITS.signInAccount, key: who, onSuccess: "refund" },
  ]
}

function resetChecks(): LimitCheck[] {
  const who = account("identifier")
  return [
    { limit: LIMITS.resetAddress, key: byAddress },
    { limit: LIMITS.resetAccount, key: who },
  ]
}

export const SIGN_IN_MESSAGE = (n: number) => `Te veel pogingen om in te loggen. Probeer het over ${minutes(n)} opnieuw.`
export const RESET_MESSAGE = (n: number) =>
  `Je hebt al een paar keer een nieuw wachtwoord aangevraagd. Probeer het over ${minutes(n)} opnieuw.`
export const REGISTRATION_MESSAGE = (n: number) => `Je hebt al een paar groepen aangemeld. Probeer het over ${minutes(n)} opnieuw.`
export const SIGN_UP_MESSAGE = (n: number) => `Te veel pogingen om een account aan te maken. Probeer het over ${minutes(n)} opnieuw.`
export const INVITE_ACCEPT_MESSAGE = (n: number) => `Te veel pogingen om een uitnodiging te accepteren. Probeer het over ${minutes(n)} opnieuw.`
export const CONTACT_MESSAGE = (n: number) => `Je hebt al veel berichten verstuurd. Probeer het over ${minutes(n)} opnieuw.`

export const WITHDRAWAL_MESSAGE = (n: number) => `Te veel aanvragen om te herroepen. Probeer het over ${minutes(n)} opnieuw.`
export const ADDRESS_LOOKUP_MESSAGE = (n: number) =>
  `Te veel adressen opgezocht. Vul straat en plaats zelf in, of probeer het over ${minutes(n)} opnieuw.`

export const CART_CREATION_MESSAGE = (n: number) => `Te veel nieuwe winkelmandjes. Probeer het over ${minutes(n)} opnieuw.`

export const ADMIN_MESSAGE_SENDER_MESSAGE = (n: number) => `Je hebt al veel berichten gestuurd. Probeer het over ${waitText(n)} opnieuw.`
export const ADMIN_MESSAGE_RECEIVER_MESSAGE = (n: number) =>
  `Deze groep heeft vandaag al veel berichten gekregen. Probeer het over ${waitText(n)} opnieuw.`
export const ADMIN_WARNING_MESSAGE = (n: number) =>
  `Je groep heeft in de afgelopen 24 uur al 3 waarschuwingen gestuurd. Probeer het over ${waitText(n)} opnieuw.`
export const ADMIN_WARNING_REPEAT_MESSAGE = () =>
  "Deze waarschuwing is net al verstuurd. Je hoeft hem niet opnieuw te sturen; kijk bij Berichten."
export const NEARBY_GROUPS_MESSAGE = (n: number) => `Te veel keer buurgroepen opgevraagd. Probeer het over ${minutes(n)} opnieuw.`
export const MESSAGE_REPORT_MESSAGE = (n: number) => `Te veel meldingen. Probeer het over ${minutes(n)} opnieuw.`
export const MESSAGE_REPORT_LOOKUP_MESSAGE = (n: number) => `Te veel meldlinks geopend. Probeer het over ${minutes(n)} opnieuw.`

/** "Buurgroepen" per signed-in admin (GET /store/my-group/groups/:id/nearby). */
export const nearbyGroupsRateLimit = () =>
  rateLimit([{ limit: LIMITS.nearbyGroups, key: (req) => (req as any).auth_context?.actor_id }], NEARBY_GROUPS_MESSAGE)

/** Reports of relayed admin messages (POST /store/admin-messages/report). */
export const messageReportRateLimit = () => rateLimit([{ limit: LIMITS.messageReport, key: byAddress }], MESSAGE_REPORT_MESSAGE)
/** Lookups of a report link (GET /store/admin-messages/report/:token), unknown tokens included. */
export const messageReportLookupRateLimit = () =>
  rateLimit([{ limit: LIMITS.messageReportLookup, key: byAddress }], MESSAGE_REPORT_LOOKUP_MESSAGE)

/** Group registration (after validation, so a resident correcting typos is not locked out). */
export const registrationRateLimit = () => rateLimit([{ limit: LIMITS.registration, key: byAddress }], REGISTRATION_MESSAGE)
/** Messages relayed to group admins. */
export const contactRateLimit = () => rateLimit([{ limit: LIMITS.contact, key: byAddress }], CONTACT_MESSAGE)

/** Staff invite acceptance (api/admin/invites/middlewares.ts). */
export const inviteAcceptRateLimit = () => rateLimit([{ limit: LIMITS.inviteAcceptAddress, key: byAddress }], INVITE_ACCEPT_MESSAGE)

/** The withdrawal function's lookup and confirmation share one budget per address. */
export const withdrawalRateLimit = () => rateLimit([{ limit: LIMITS.withdrawal, key: byAddress }], WITHDRAWAL_MESSAGE)
/** Postcode + huisnummer lookups. */
export const addressLookupRateLimit = () => rateLimit([{ limit: LIMITS.addressLookup, key: byAddress }], ADDRESS_LOOKUP_MESSAGE)

/** New carts per client address (only `POST /store/carts`; changing a cart is not limited here). */
export const cartCreationRateLimitMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts",
    methods: ["POST"],
    middlewares: [rateLimit([{ limit: LIMITS.cartCreation, key: byAddress }], CART_CREATION_MESSAGE)],
  },
]

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
  {
    matcher: "/auth/:actor_type/:auth_provider/register",
    methods: ["POST"],
    middlewares: [rateLimit([{ limit: LIMITS.signUpAddress, key: byAddress }], SIGN_UP_MESSAGE)],
  },
]
