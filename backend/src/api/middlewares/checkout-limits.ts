/**
 * Limits on placing orders (POST /store/carts/:id/complete). Each order holds stock and
 * mails the address typed at checkout, so without a limit anyone could empty the shelves
 * (with "Op factuur" until staff act) or fill a stranger's inbox.
 *
 * | per | budget (default; env.ts) |
 * | --- | --- |
 * | client address (client-address.ts) | 10 orders / hour (ORDER_LIMIT_PER_ADDRESS) |
 * | the cart's e-mail address (folded, see emailKey) | 5 orders / hour, 15 / day (ORDER_LIMIT_PER_EMAIL, ORDER_LIMIT_PER_EMAIL_DAY) |
 *
 * Only orders without money count: "Betalen op rekening", "Op factuur" (and any provider
 * that is not Stripe's). A cart paid through Stripe is not limited here: once its payment
 * succeeded, Stripe's webhook or the reconciliation job places the order anyway, so a
 * refusal would only show the shopper an error for an order that is being made, and
 * whoever floods the shop that way pays for every order.
 *
 * Completion is retried legitimately: the shopper returning from
 * 3-D Secure or the bank, the storefront waiting (409) while Stripe's webhook completes
 * the same cart, a refused payment or a sold-out line tried again. So every attempt is
 * counted before the route runs (parallel requests cannot slip through), and given back
 * unless it answered a new order; completing a cart that already has its order (Medusa
 * returns that order) counts nothing. Stripe's webhook and the reconciliation job
 * complete carts inside the backend, not through this route, so they are never limited.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type CheckoutLimitSettings, readCheckoutLimitSettings } from "../../config/env"
import { PAYMENT_PROVIDER_IDS } from "../../config/modules"
import { normaliseEmail } from "../../lib/email"
import { clientAddress } from "./client-address"
import { type Limit, type LimitCheck, limiterFor, rateLimit, waitText } from "./rate-limit"

const HOUR = 60 * 60

/**
 * The budgets as configured (env.ts, read on each request like the other run-time settings).
 * The counts live under a name that includes the budget, so a changed budget starts afresh
 * instead of meeting a limiter built for another one.
 */
export function checkoutLimits(settings: CheckoutLimitSettings = readCheckoutLimitSettings()) {
  return {
    address: { name: `checkout:address:${settings.perAddressHour}`, points: settings.perAddressHour, durationSeconds: HOUR },
    email: { name: `checkout:email:${settings.perEmailHour}`, points: settings.perEmailHour, durationSeconds: HOUR },
    emailDay: { name: `checkout:email-day:${settings.perEmailDay}`, points: settings.perEmailDay, durationSeconds: 24 * HOUR },
  } satisfies Record<string, Limit>
}

export const CHECKOUT_LIMIT_MESSAGE = (minutes: number) =>
  `Er zijn vanaf hier of met dit e-mailadres al veel bestellingen geplaatst. Probeer het over ${waitText(minutes)} opnieuw, of neem contact met ons op.`

/** Providers that deliver "name+tag" (and, at Gmail, "n.a.m.e") to "name": one mailbox, one budget. */
const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"])

/** The mailbox an address reaches, as far as the common providers fold it (for the limit only; the order keeps what was typed). */
export function emailKey(email: string): string {
  const normalised = normaliseEmail(email)
  const at = normalised.lastIndexOf("@")
  if (at <= 0) return normalised
  let local = normalised.slice(0, at).replace(/\+.*$/, "")
  let domain = normalised.slice(at + 1)
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, "")
    domain = "gmail.com"
  }
  return `${local}@${domain}`
}

/** Stripe's providers: the money moves before the order is placed. */
const PAID_ONLINE = new Set<string>([PAYMENT_PROVIDER_IDS.card, PAYMENT_PROVIDER_IDS.ideal, PAYMENT_PROVIDER_IDS.bancontact])

/** Whether an order through these providers (a cart's sessions, an order's payments) can be placed without money. */
export function withoutMoney(providerIds: string[]): boolean {
  return !(providerIds.length > 0 && providerIds.every((p) => PAID_ONLINE.has(p)))
}

type CartForLimits = { email?: string | null; completed_at?: unknown; payment_collection?: { payment_sessions?: Array<{ provider_id?: string } | null> } | null }

/**
 * What completing this cart can do: "none" (no cart: Medusa answers 404; completed: Medusa
 * answers its existing order, no new order, no mail), "online" (paid through Stripe first)
 * or "counts" (an order without money).
 */
export function completionKind(cart: CartForLimits | undefined): "none" | "online" | "counts" {
  if (!cart || cart.completed_at) return "none"
  return withoutMoney((cart.payment_collection?.payment_sessions ?? []).flatMap((s) => (s?.provider_id ? [s.provider_id] : []))) ? "counts" : "online"
}

/** What the limits need of the cart, read once per request. */
type Attempt = { email?: string; kind: ReturnType<typeof completionKind> }
const attempts = new WeakMap<MedusaRequest, Attempt>()

async function readCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "email", "completed_at", "payment_collection.payment_sessions.provider_id"],
      filters: { id: req.params.id },
    })
    const cart = data[0] as CartForLimits | undefined
    attempts.set(req, { email: cart?.email ? emailKey(cart.email) : undefined, kind: completionKind(cart) })
    next()
  } catch (error) {
    next(error)
  }
}

/** This request's checks, e-mail first (a spent inbox budget spends none of the address's); `always` ignores whether it counts. */
function checks(always = false): LimitCheck[] {
  const limits = checkoutLimits()
  const counts = (req: MedusaRequest) => always || attempts.get(req)?.kind === "counts"
  return [
    { limit: limits.email, key: (req) => (counts(req) ? attempts.get(req)?.email : undefined) },
    { limit: limits.emailDay, key: (req) => (counts(req) ? attempts.get(req)?.email : undefined) },
    { limit: limits.address, key: (req) => (counts(req) ? clientAddress(req) : undefined) },
  ]
}

/** The providers of a placed order's payments. */
async function orderProviders(req: MedusaRequest, orderId: string): Promise<string[]> {
  const { data } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order", fields: ["payment_collections.payments.provider_id"], filters: { id: orderId } })
  return ((data[0] as any)?.payment_collections ?? []).flatMap((c: any) => (c?.payments ?? []).map((p: any) => p?.provider_id).filter(Boolean))
}

/**
 * Counts the attempt before the route runs (rateLimit: 429 with Retry-After when a budget is
 * spent) and gives it back unless the answer is a new order. A new order the cart's sessions
 * called online but that was paid otherwise (the session swapped while this request ran) is
 * counted afterwards, so that race buys nothing.
 */
async function limitOrders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const current = checks()
  await rateLimit(current, CHECKOUT_LIMIT_MESSAGE)(req, res, (error?: unknown) => {
    if (error) return next(error)
    let answer: any
    const json = res.json.bind(res)
    res.json = (body: any) => {
      answer = body
      return json(body)
    }
    res.on("finish", () => {
      const newOrder = res.statusCode === 200 && answer?.type === "order"
      const kind = attempts.get(req)?.kind
      if (newOrder && kind !== "online") return
      if (!newOrder) {
        for (const check of current) {
          const key = check.key(req)
          if (key !== undefined) limiterFor(check.limit).reward(key, 1).catch(() => undefined)
        }
        return
      }
      const orderId = answer?.order?.id
      if (typeof orderId !== "string") return
      orderProviders(req, orderId)
        .then((providers) => {
          if (!withoutMoney(providers)) return
          for (const check of checks(true)) {
            const key = check.key(req)
            if (key !== undefined) limiterFor(check.limit).penalty(key, 1).catch(() => undefined)
          }
        })
        .catch(() => undefined)
    })
    next()
  })
}

export const checkoutLimitMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/complete",
    methods: ["POST"],
    middlewares: [readCart, limitOrders],
  },
]
