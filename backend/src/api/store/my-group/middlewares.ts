import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute } from "@medusajs/framework/http"
import { type RateLimiter, SlidingWindowRateLimiter } from "../groups/rate-limit"
import { refuseWhatsAppInviteLinks, validateBodyWithFieldErrors } from "../groups/validators"
import { StoreRemoveMyData, StoreUpdateMyGroup } from "./validators"

const MINUTE = 60 * 1000

/** Guessing a group admin's password: 10 attempts per e-mail address per 15 minutes. */
export const customerLoginRateLimiter: RateLimiter = new SlidingWindowRateLimiter({ limit: 10, windowMs: 15 * MINUTE })
/** Reset mails: 5 per e-mail address per hour, so nobody floods an inbox. */
export const passwordResetRateLimiter: RateLimiter = new SlidingWindowRateLimiter({ limit: 5, windowMs: 60 * MINUTE })

/**
 * Limits by the e-mail address in the body rather than by IP: the storefront signs
 * in from its own server, so every visitor would share one IP. The answer is the same
 * whether or not an account exists for the address.
 */
export function rateLimitByEmail(limiter: RateLimiter, field: string, message: (minutes: number) => string) {
  return async function rateLimitByEmailAddress(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const value = (req.body as Record<string, unknown> | undefined)?.[field]
      if (typeof value !== "string" || !value.trim()) return next()
      const result = await limiter.hit(`${req.path}:${value.trim().toLowerCase()}`)
      if (!result.allowed) {
        res.setHeader("Retry-After", String(result.retryAfterSeconds))
        res.status(429).json({ type: "too_many_requests", message: message(Math.ceil(result.retryAfterSeconds / 60)) })
        return
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

const minutes = (n: number) => `${n} ${n === 1 ? "minuut" : "minuten"}`

/**
 * Validation and protection for the routes of group admin accounts ("Mijn groep"):
 * a signed-in customer (session cookie or bearer token from /auth/customer/emailpass),
 * Dutch errors per field, no WhatsApp invite links in any field, and limits on
 * Medusa's own customer sign-in and reset-password routes.
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
  {
    matcher: "/auth/customer/emailpass",
    methods: ["POST"],
    middlewares: [
      rateLimitByEmail(customerLoginRateLimiter, "email", (n) => `Te veel pogingen om in te loggen. Probeer het over ${minutes(n)} opnieuw.`),
    ],
  },
  {
    matcher: "/auth/customer/emailpass/reset-password",
    methods: ["POST"],
    middlewares: [
      rateLimitByEmail(passwordResetRateLimiter, "identifier", (n) => `Je hebt al een paar keer een nieuw wachtwoord aangevraagd. Probeer het over ${minutes(n)} opnieuw.`),
    ],
  },
]
