/**
 * The browser side of the loopback Stripe fake, for end-to-end tests: what Stripe's
 * own servers do for Stripe.js and for the shopper's bank, backed by the same fake
 * PaymentIntents the backend's provider talks to.
 *
 *   GET  /v3                                  the Stripe.js stand-in (its source is passed in)
 *   GET  /js/payment_intents/:id              the intent's methods, for mounting the element
 *   POST /js/payment_intents/:id/confirm      stripe.confirmPayment (publishable key + client secret)
 *   GET  /bank/:id                            the bank (iDEAL) or Bancontact page after the redirect
 *   POST /bank/:id                            the shopper approves or cancels there
 *
 * Like Stripe, the fake sends the signed webhook when a payment succeeds (card:
 * payment_intent.amount_capturable_updated, iDEAL/Bancontact: payment_intent.succeeded)
 * to the backend's /hooks/payment/<provider>, independently of the shopper's return.
 */
import crypto from "node:crypto"
import type http from "node:http"
import type { ExtraRoutes, FakePaymentIntent, FakeStripe, Outcome } from "./fake-stripe"

export type BrowserOptions = {
  publishableKey: string
  /** Source of the Stripe.js stand-in served at /v3. */
  script: string
  /** Where Stripe sends webhooks: the backend's origin, and the signing secret. */
  webhook?: { backendUrl: string; secret: string }
  log?: (line: string) => void
}

/** Medusa's webhook path per intent: each Stripe service has its own provider id. */
export function webhookProvider(intent: Pick<FakePaymentIntent, "payment_method_types">): string {
  if (intent.payment_method_types.includes("ideal")) return "stripe-ideal_stripe"
  if (intent.payment_method_types.includes("bancontact")) return "stripe-bancontact_stripe"
  return "stripe_stripe"
}

/** Stripe's Stripe-Signature header: t=<unix>,v1=HMAC-SHA256(secret, "<t>.<payload>"). */
export function signWebhook(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = crypto.createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex")
  return `t=${timestamp},v1=${signature}`
}

/** Test cards the stand-in offers, as Stripe's test PaymentMethods. */
const CARD_OUTCOMES: Record<string, Outcome> = { pm_card_visa: "succeeds", pm_card_chargeDeclined: "declined" }

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function browserRoutes(options: BrowserOptions): (fake: FakeStripe) => ExtraRoutes {
  return (fake) => {
    const returnUrls = new Map<string, string>()
    const log = options.log ?? (() => {})

    const sendWebhook = async (type: string, intentId: string) => {
      if (!options.webhook) return
      const payload = JSON.stringify(fake.event(type, intentId))
      const provider = webhookProvider(fake.intents.get(intentId)!)
      try {
        const response = await fetch(`${options.webhook.backendUrl}/hooks/payment/${provider}`, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": signWebhook(payload, options.webhook.secret) },
          body: payload,
        })
        log(`webhook ${type} ${intentId} -> ${response.status}`)
      } catch (error) {
        log(`webhook ${type} ${intentId} failed: ${(error as Error).message}`)
      }
    }

    const paidEvent = (intent: FakePaymentIntent) =>
      intent.status === "requires_capture" ? "payment_intent.amount_capturable_updated" : "payment_intent.succeeded"

    const returnTo = (intent: FakePaymentIntent, status: "succeeded" | "failed") => {
      const url = new URL(returnUrls.get(intent.id) ?? "about:blank")
      url.searchParams.set("payment_intent", intent.id)
      url.searchParams.set("payment_intent_client_secret", intent.client_secret)
      url.searchParams.set("redirect_status", status)
      return url.toString()
    }

    const json = (res: http.ServerResponse, status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" })
      res.end(JSON.stringify(body))
    }

    /** The intent named in the path, if the client secret proves the caller is its shopper. */
    const ownIntent = (id: string, secret: unknown, key: unknown) => {
      const intent = fake.intents.get(id)
      if (key !== options.publishableKey || !intent || intent.client_secret !== secret) return undefined
      return intent
    }

    return (req, res, url, body) => {
      const path = url.pathname
      if (req.method === "OPTIONS" && path.startsWith("/js/")) {
        res.writeHead(204, { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST", "access-control-allow-headers": "content-type" })
        res.end()
        return true
      }
      if (req.method === "GET" && path === "/v3") {
        res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" })
        res.end(options.script.replace("__FAKE_STRIPE_ORIGIN__", `http://${req.headers.host}`))
        return true
      }
      let m = path.match(/^\/js\/payment_intents\/([^/]+)$/)
      if (m && req.method === "GET") {
        const intent = ownIntent(m[1], url.searchParams.get("client_secret"), url.searchParams.get("key"))
        if (!intent) return json(res, 404, { error: { type: "invalid_request_error", message: "No such payment_intent" } }), true
        return json(res, 200, { id: intent.id, status: intent.status, amount: intent.amount, currency: intent.currency, payment_method_types: intent.payment_method_types }), true
      }
      m = path.match(/^\/js\/payment_intents\/([^/]+)\/confirm$/)
      if (m && req.method === "POST") {
        const intent = ownIntent(m[1], body.client_secret, body.key)
        if (!intent) return json(res, 404, { error: { type: "invalid_request_error", message: "No such payment_intent" } }), true
        if (body.return_url) returnUrls.set(intent.id, String(body.return_url))
        const redirect = intent.payment_method_types.some((t) => t === "ideal" || t === "bancontact")
        let after: FakePaymentIntent
        try {
          after = fake.confirm(intent.id, redirect ? "requires_action" : CARD_OUTCOMES[String(body.payment_method)] ?? "succeeds")
        } catch (error) {
          return json(res, 400, { error: { type: "invalid_request_error", message: (error as Error).message } }), true
        }
        if (after.last_payment_error) {
          return json(res, 402, { error: { type: "card_error", code: "card_declined", message: "Je kaart is geweigerd." } }), true
        }
        if (after.status === "requires_action") {
          const bank = `http://${req.headers.host}/bank/${intent.id}`
          fake.intents.get(intent.id)!.next_action = { type: "redirect_to_url", redirect_to_url: { url: bank, return_url: returnUrls.get(intent.id) } }
          return json(res, 200, { status: after.status, redirect_url: bank }), true
        }
        void sendWebhook(paidEvent(after), intent.id)
        return json(res, 200, { status: after.status, redirect_url: returnTo(after, "succeeded") }), true
      }
      m = path.match(/^\/bank\/([^/]+)$/)
      if (m) {
        const intent = fake.intents.get(m[1])
        if (!intent) return json(res, 404, { error: { message: "Onbekende betaling" } }), true
        const method = intent.payment_method_types.includes("bancontact") ? "Bancontact" : "iDEAL | Wero"
        if (req.method === "POST") {
          if (intent.status === "requires_action") {
            const approved = body.choice === "approve"
            const after = fake.completeAction(intent.id, approved ? "succeeds" : "fails")
            if (approved) void sendWebhook(paidEvent(after), intent.id)
            else void sendWebhook("payment_intent.payment_failed", intent.id)
          }
          const done = fake.intents.get(intent.id)!
          res.writeHead(303, { location: returnTo(done, done.status === "succeeded" || done.status === "requires_capture" ? "succeeded" : "failed") })
          res.end()
          return true
        }
        const amount = new Intl.NumberFormat("nl-NL", { style: "currency", currency: intent.currency.toUpperCase() }).format(intent.amount / 100)
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
        res.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(method)} testbank</title></head><body>
<main><h1>${esc(method)} testbank</h1><p>Betaling van ${esc(amount)} aan Buurtpreventie Shop</p>
<form method="post"><button name="choice" value="approve">Betaling goedkeuren</button> <button name="choice" value="fail">Betaling annuleren</button></form></main>
</body></html>`)
        return true
      }
      return false
    }
  }
}
