/**
 * A Stripe-compatible fake on loopback for integration tests: the part of Stripe's
 * API that @medusajs/payment-stripe calls (PaymentIntents, refunds, customers,
 * payment methods), speaking Stripe's wire format (form-encoded bodies with bracket
 * keys, JSON objects and errors shaped like Stripe's, Idempotency-Key replay).
 *
 * Stripe's own stripe-mock is a Go binary and stateless; this one keeps state so a
 * test can play the browser's part (stripe.js confirming with a test card), choose
 * the outcome per PaymentIntent (success, card declined, 3-D Secure), and build the
 * events Stripe would send as webhooks. Every request is recorded for assertions.
 *
 * Local only (127.0.0.1, random port) and bounded (body size, number of recorded
 * requests and objects). Close it in afterAll.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"

export type IntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "succeeded"
  | "canceled"

export type FakePaymentIntent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  status: IntentStatus
  client_secret: string
  capture_method: "automatic" | "automatic_async" | "manual"
  confirmation_method: "automatic"
  created: number
  customer: string | null
  description: string | null
  last_payment_error: Record<string, unknown> | null
  latest_charge: string | null
  livemode: false
  metadata: Record<string, string>
  next_action: Record<string, unknown> | null
  payment_method: string | null
  payment_method_types: string[]
  canceled_at: number | null
  cancellation_reason: string | null
}

/** How a confirmation turns out: what the shopper's card or bank does. */
export type Outcome = "succeeds" | "declined" | "requires_action"

export type RecordedRequest = {
  method: string
  path: string
  body: Record<string, any>
  query: Record<string, any>
  idempotencyKey?: string
  authorization?: string
}

export type FakeStripe = {
  url: string
  port: number
  requests: RecordedRequest[]
  intents: Map<string, FakePaymentIntent>
  refunds: Map<string, Record<string, any>>
  /** The PaymentIntent Medusa created for a payment session (metadata.session_id). */
  intentForSession(sessionId: string): FakePaymentIntent | undefined
  /** Plays stripe.js in the browser: confirm with a card whose outcome the test picks. */
  confirm(intentId: string, outcome: Outcome): FakePaymentIntent
  /** The shopper finishes (or fails) 3-D Secure or the bank redirect. */
  completeAction(intentId: string, result?: "succeeds" | "fails"): FakePaymentIntent
  /** A Stripe Event with a snapshot of the intent as it is now (Stripe events are snapshots). */
  event(type: string, intentId: string): Record<string, any>
  /** While true, capture is refused as Stripe does for an authorisation that lapsed (test switch). */
  refuseCaptures: boolean
  /** Recorded requests for one method and path pattern, e.g. ("POST", /^\/v1\/payment_intents$/). */
  calls(method: string, path: RegExp): RecordedRequest[]
  reset(): void
  close(): Promise<void>
}

const MAX_BODY_BYTES = 256 * 1024
const MAX_RECORDED = 2000
const MAX_OBJECTS = 5000

/** Stripe's test PaymentMethods (https://docs.stripe.com/testing) and what they do. */
const TEST_PAYMENT_METHODS: Record<string, Outcome> = {
  pm_card_visa: "succeeds",
  pm_card_mastercard: "succeeds",
  pm_card_chargeDeclined: "declined",
  pm_card_visa_chargeDeclined: "declined",
  pm_card_authenticationRequired: "requires_action",
  pm_card_threeDSecure2Required: "requires_action",
  pm_ideal: "requires_action",
  pm_bancontact: "requires_action",
}

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, any>
  ) {
    super(body.error?.message ?? "Stripe error")
  }
}

const randomId = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`
const now = () => Math.floor(Date.now() / 1000)

/**
 * Parses Stripe's form encoding (qs with indexed arrays): `metadata[session_id]=x`,
 * `expand[0]=payment_method`, `payment_method_types[0]=ideal`.
 */
export function parseStripeForm(raw: string): Record<string, any> {
  const out: Record<string, any> = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = key.replace(/\]/g, "").split("[")
    let node: any = out
    parts.forEach((part, i) => {
      const last = i === parts.length - 1
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1])
      if (last) node[part] = value
      else node = node[part] ??= nextIsIndex ? [] : {}
    })
  }
  return out
}

/**
 * Extra routes answered before the API key check, for a browser-side stand-in of
 * Stripe.js (see fake-stripe-browser.ts). Returns true when it answered the request.
 */
export type ExtraRoutes = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Record<string, any>) => boolean

export async function startFakeStripe(options: { apiKey?: string; extraRoutes?: (fake: FakeStripe) => ExtraRoutes } = {}): Promise<FakeStripe> {
  let extraRoutes: ExtraRoutes | undefined
  const requests: RecordedRequest[] = []
  const intents = new Map<string, FakePaymentIntent>()
  const refunds = new Map<string, Record<string, any>>()
  const customers = new Map<string, Record<string, any>>()
  const idempotent = new Map<string, { status: number; body: unknown }>()

  const error = (status: number, type: string, message: string, extra: Record<string, unknown> = {}) =>
    new StripeHttpError(status, { error: { type, message, ...extra } })
  const missing = (kind: string, id: string) =>
    error(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param: "id" })
  const unexpectedState = (intent: FakePaymentIntent, action: string) =>
    error(400, "invalid_request_error", `This PaymentIntent's ${action} could not be performed because it has a status of ${intent.status}.`, {
      code: "payment_intent_unexpected_state",
      payment_intent: { ...intent },
    })
  const bounded = <T>(map: Map<string, T>, id: string, value: T) => {
    if (map.size >= MAX_OBJECTS) throw error(429, "rate_limit_error", "Fake Stripe object limit reached")
    map.set(id, value)
  }

  const getIntent = (id: string) => {
    const intent = intents.get(id)
    if (!intent) throw missing("payment_intent", id)
    return intent
  }

  const paymentMethodObject = (id: string) => ({
    id,
    object: "payment_method",
    type: id.startsWith("pm_ideal") ? "ideal" : id.startsWith("pm_bancontact") ? "bancontact" : "card",
    card: id.startsWith("pm_card") ? { brand: id.includes("mastercard") ? "mastercard" : "visa", last4: "4242", exp_month: 12, exp_year: 2034 } : undefined,
    created: now(),
    livemode: false,
  })

  /** Renders an intent as the API returns it, expanding payment_method when asked. */
  const render = (intent: FakePaymentIntent, expand: string[] = []) => ({
    ...intent,
    metadata: { ...intent.metadata },
    payment_method: intent.payment_method && expand.includes("payment_method") ? paymentMethodObject(intent.payment_method) : intent.payment_method,
  })

  const succeed = (intent: FakePaymentIntent) => {
    intent.latest_charge = randomId("ch")
    intent.next_action = null
    intent.last_payment_error = null
    if (intent.capture_method === "manual") {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
    } else {
      intent.status = "succeeded"
      intent.amount_received = intent.amount
    }
  }

  const applyConfirm = (intent: FakePaymentIntent, paymentMethod: string | undefined, outcomeOverride?: Outcome) => {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
      throw unexpectedState(intent, "confirm")
    }
    const method = paymentMethod ?? intent.payment_method ?? defaultMethodFor(intent)
    const outcome = outcomeOverride ?? TEST_PAYMENT_METHODS[method] ?? "succeeds"
    intent.payment_method = method
    if (outcome === "succeeds") {
      succeed(intent)
    } else if (outcome === "declined") {
      intent.status = "requires_payment_method"
      intent.latest_charge = randomId("ch")
      intent.next_action = null
      intent.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        payment_method: paymentMethodObject(method),
      }
      intent.payment_method = null
      throw error(402, "card_error", "Your card was declined.", {
        code: "card_declined",
        decline_code: "generic_decline",
        charge: intent.latest_charge,
        payment_intent: render(intent),
      })
    } else {
      intent.status = "requires_action"
      intent.last_payment_error = null
      intent.next_action = intent.payment_method_types.some((t) => t === "ideal" || t === "bancontact")
        ? { type: "redirect_to_url", redirect_to_url: { url: `https://hooks.stripe.test/redirect/${intent.id}`, return_url: "http://localhost:3000/afrekenen" } }
        : { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `https://hooks.stripe.test/3ds/${intent.id}` } }
    }
    return intent
  }

  const defaultMethodFor = (intent: FakePaymentIntent) =>
    intent.payment_method_types.includes("ideal") ? "pm_ideal" : intent.payment_method_types.includes("bancontact") ? "pm_bancontact" : "pm_card_visa"

  const routes: [string, RegExp, (m: RegExpMatchArray, body: Record<string, any>, query: Record<string, any>) => unknown][] = [
    [
      "POST",
      /^\/v1\/payment_intents$/,
      (_m, body) => {
        const amount = Number(body.amount)
        if (!Number.isInteger(amount) || amount < 1) throw error(400, "invalid_request_error", "Invalid integer: amount", { param: "amount" })
        if (!body.currency) throw error(400, "invalid_request_error", "Missing required param: currency.", { param: "currency" })
        const id = randomId("pi")
        const intent: FakePaymentIntent = {
          id,
          object: "payment_intent",
          amount,
          amount_capturable: 0,
          amount_received: 0,
          currency: String(body.currency).toLowerCase(),
          status: "requires_payment_method",
          client_secret: `${id}_secret_${crypto.randomBytes(12).toString("hex")}`,
          capture_method: body.capture_method ?? "automatic",
          confirmation_method: "automatic",
          created: now(),
          customer: body.customer ?? null,
          description: body.description ?? null,
          last_payment_error: null,
          latest_charge: null,
          livemode: false,
          metadata: { ...(body.metadata ?? {}) },
          next_action: null,
          payment_method: body.payment_method ?? null,
          payment_method_types: body.payment_method_types ?? ["card"],
          canceled_at: null,
          cancellation_reason: null,
        }
        bounded(intents, id, intent)
        if (body.confirm === "true") applyConfirm(intent, body.payment_method)
        return render(intent, body.expand)
      },
    ],
    ["GET", /^\/v1\/payment_intents\/([^/]+)$/, (m, _b, query) => render(getIntent(m[1]), query.expand)],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)$/,
      (m, body) => {
        const intent = getIntent(m[1])
        if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
          throw unexpectedState(intent, "update")
        }
        if (body.amount !== undefined) intent.amount = Number(body.amount)
        if (body.metadata) intent.metadata = { ...intent.metadata, ...body.metadata }
        if (body.description !== undefined) intent.description = body.description
        return render(intent, body.expand)
      },
    ],
    ["POST", /^\/v1\/payment_intents\/([^/]+)\/confirm$/, (m, body) => render(applyConfirm(getIntent(m[1]), body.payment_method), body.expand)],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/capture$/,
      (m, body) => {
        const intent = getIntent(m[1])
        if (fake.refuseCaptures) {
          throw error(400, "invalid_request_error", "The charge has expired and can no longer be captured.", { code: "charge_expired_for_capture" })
        }
        if (intent.status !== "requires_capture") throw unexpectedState(intent, "capture")
        const amount = body.amount_to_capture !== undefined ? Number(body.amount_to_capture) : intent.amount_capturable
        intent.amount_received = amount
        intent.amount_capturable = 0
        intent.status = "succeeded"
        return render(intent, body.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      (m, body) => {
        const intent = getIntent(m[1])
        if (intent.status === "succeeded" || intent.status === "canceled") throw unexpectedState(intent, "cancel")
        intent.status = "canceled"
        intent.amount_capturable = 0
        intent.next_action = null
        intent.canceled_at = now()
        intent.cancellation_reason = body.cancellation_reason ?? null
        return render(intent, body.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/refunds$/,
      (_m, body) => {
        const intent = getIntent(body.payment_intent)
        if (intent.status !== "succeeded") throw unexpectedState(intent, "refund")
        const refunded = [...refunds.values()].filter((r) => r.payment_intent === intent.id).reduce((sum, r) => sum + r.amount, 0)
        const amount = body.amount !== undefined ? Number(body.amount) : intent.amount_received - refunded
        if (refunded >= intent.amount_received) {
          throw error(400, "invalid_request_error", `Charge ${intent.latest_charge} has already been refunded.`, { code: "charge_already_refunded" })
        }
        if (amount > intent.amount_received - refunded) {
          throw error(400, "invalid_request_error", "Refund amount is greater than unrefunded amount on charge", { code: "amount_too_large" })
        }
        const refund = {
          id: randomId("re"),
          object: "refund",
          amount,
          charge: intent.latest_charge,
          currency: intent.currency,
          payment_intent: intent.id,
          status: "succeeded",
          created: now(),
          metadata: { ...(body.metadata ?? {}) },
        }
        bounded(refunds, refund.id, refund)
        return refund
      },
    ],
    [
      "POST",
      /^\/v1\/customers$/,
      (_m, body) => {
        const customer = { id: randomId("cus"), object: "customer", created: now(), livemode: false, ...body }
        bounded(customers, customer.id, customer)
        return customer
      },
    ],
    [
      "POST",
      /^\/v1\/customers\/([^/]+)$/,
      (m, body) => {
        const customer = customers.get(m[1])
        if (!customer) throw missing("customer", m[1])
        Object.assign(customer, body)
        return customer
      },
    ],
    [
      "DELETE",
      /^\/v1\/customers\/([^/]+)$/,
      (m) => {
        if (!customers.delete(m[1])) throw missing("customer", m[1])
        return { id: m[1], object: "customer", deleted: true }
      },
    ],
    ["GET", /^\/v1\/customers\/([^/]+)\/payment_methods$/, () => ({ object: "list", data: [], has_more: false, url: "/v1/payment_methods" })],
    ["GET", /^\/v1\/payment_methods\/([^/]+)$/, (m) => paymentMethodObject(m[1])],
  ]

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      // Past the limit the rest is read and dropped (memory stays bounded), then refused.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) {
        return send(res, 413, { error: { type: "invalid_request_error", message: "Request body too large" } })
      }
      const url = new URL(req.url ?? "/", "http://127.0.0.1")
      const body = parseStripeForm(Buffer.concat(chunks).toString("utf8"))
      const query = parseStripeForm(url.search.slice(1))
      const method = req.method ?? "GET"
      const idempotencyKey = header(req, "idempotency-key")
      const authorization = header(req, "authorization")
      if (requests.length < MAX_RECORDED) requests.push({ method, path: url.pathname, body, query, idempotencyKey, authorization })

      if (extraRoutes?.(req, res, url, body)) return
      if (!authorization?.startsWith("Bearer sk_test_") || (options.apiKey && authorization !== `Bearer ${options.apiKey}`)) {
        return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } })
      }
      // Stripe replays the first response to a POST with the same Idempotency-Key.
      const replayKey = method === "POST" && idempotencyKey ? `${url.pathname} ${idempotencyKey}` : undefined
      if (replayKey && idempotent.has(replayKey)) {
        const saved = idempotent.get(replayKey)!
        res.setHeader("Idempotent-Replayed", "true")
        return send(res, saved.status, saved.body)
      }
      let status = 200
      let payload: unknown
      const route = routes.find(([m, pattern]) => m === method && pattern.test(url.pathname))
      try {
        if (!route) throw error(404, "invalid_request_error", `Unrecognized request URL (${method}: ${url.pathname}).`)
        payload = route[2](url.pathname.match(route[1])!, body, query)
      } catch (e) {
        if (!(e instanceof StripeHttpError)) {
          status = 500
          payload = { error: { type: "api_error", message: String((e as Error)?.message ?? e) } }
        } else {
          status = e.status
          payload = e.body
        }
      }
      if (replayKey && status !== 500 && idempotent.size < MAX_OBJECTS) idempotent.set(replayKey, { status, body: payload })
      send(res, status, payload)
    })
  })
  server.keepAliveTimeout = 1000

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  const fake: FakeStripe = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    intents,
    refunds,
    refuseCaptures: false,
    intentForSession: (sessionId) => [...intents.values()].find((i) => i.metadata.session_id === sessionId),
    confirm: (intentId, outcome) => {
      const intent = getIntent(intentId)
      try {
        applyConfirm(intent, undefined, outcome)
      } catch (e) {
        // A declined card is an error response for stripe.js, but the intent's state is what matters here.
        if (!(e instanceof StripeHttpError) || outcome !== "declined") throw e
      }
      return { ...intent }
    },
    completeAction: (intentId, result = "succeeds") => {
      const intent = getIntent(intentId)
      if (intent.status !== "requires_action") throw new Error(`Intent ${intentId} is ${intent.status}, not requires_action`)
      if (result === "succeeds") {
        succeed(intent)
      } else {
        intent.status = "requires_payment_method"
        intent.next_action = null
        intent.last_payment_error = {
          type: "invalid_request_error",
          code: "payment_intent_authentication_failure",
          message: "The provided PaymentMethod has failed authentication.",
        }
        intent.payment_method = null
      }
      return { ...intent }
    },
    event: (type, intentId) => ({
      id: randomId("evt"),
      object: "event",
      api_version: "2024-04-10",
      created: now(),
      data: { object: render(getIntent(intentId)) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }),
    calls: (method, path) => requests.filter((r) => r.method === method && path.test(r.path)),
    reset: () => {
      fake.refuseCaptures = false
      requests.length = 0
      intents.clear()
      refunds.clear()
      customers.clear()
      idempotent.clear()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
  extraRoutes = options.extraRoutes?.(fake)
  return fake
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return
  const json = JSON.stringify(body)
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(json),
    "Request-Id": randomId("req"),
    "Stripe-Version": "2024-04-10",
  })
  res.end(json)
}

export const FAKE_STRIPE_API_KEY = "sk_test_buurtpreventie_fake"
export const FAKE_STRIPE_WEBHOOK_SECRET = "whsec_test_buurtpreventie"
