import http from "node:http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { NOT_FOUND_MESSAGE } from "./auth-accounts"

/**
 * Requests no route should ever see, refused once for every route (issue 24, second look):
 * - a NUL character (`%00`, `\u0000`) in the path, the query or a string of the body. PostgreSQL
 *   cannot store or compare it in text ("invalid byte sequence for encoding UTF8: 0x00"), so
 *   `GET /store/groups/%00` or `?handle=%00` was a 500 wherever such a value reached a query;
 * - a path that is not valid percent-encoding (Express cannot decode its parameters).
 * Answer: 400 with one Dutch message. Unknown routes get a Dutch JSON 404 instead of
 * Express's "Cannot GET /x" page.
 */
export const INVALID_CHARACTERS_MESSAGE = "Ongeldige tekens in het verzoek."

const hasNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === "string") return value.includes("\u0000")
  // raw bodies (payment webhooks keep theirs as a Buffer) are the provider's to judge
  if (depth > 32 || !value || typeof value !== "object" || Buffer.isBuffer(value)) return false
  if (Array.isArray(value)) return value.some((item) => hasNul(item, depth + 1))
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || hasNul(item, depth + 1))
}

/** Whether the raw URL (path and query) decodes to text with a NUL, or does not decode at all. */
function badUrl(rawUrl: string): boolean {
  if (rawUrl.includes("\u0000") || /%00/i.test(rawUrl)) return true
  const [path] = rawUrl.split("?")
  try {
    decodeURIComponent(path)
  } catch {
    return true
  }
  return false
}

export function refuseInvalidCharacters() {
  return function refuseNul(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if (badUrl(req.originalUrl ?? req.url) || hasNul(req.query) || hasNul(req.body)) {
      res.status(400).json({ type: "invalid_data", message: INVALID_CHARACTERS_MESSAGE })
      return
    }
    next()
  }
}

/** PostgreSQL's refusal of a NUL that reached it some other way: 400, never a 500. */
export function isNulByteDatabaseError(error: unknown): boolean {
  const text = String((error as { message?: unknown })?.message ?? "")
  return /invalid byte sequence for encoding "?UTF8"?: 0x00|unsupported Unicode escape sequence|\\u0000 cannot be converted to text/i.test(text)
}

/**
 * Express answers a path no route handles with its own HTML page ("Cannot GET /x"). The shop
 * answers JSON in Dutch, like every other refusal. Medusa registers its routes, its error
 * handler, the admin (`/app`) and `/health` on the app before the first request, so this handler,
 * appended to the app once on the first request, runs only when nothing else answered.
 */
const appsWithNotFound = new WeakSet<object>()
export function answerUnknownRoutesInDutch() {
  return function installNotFound(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    if (req.app && !appsWithNotFound.has(req.app)) {
      appsWithNotFound.add(req.app)
      req.app.use(function dutchNotFound(_req: unknown, res: MedusaResponse) {
        if (res.headersSent) return
        res.status(404).json({ type: "not_found", message: NOT_FOUND_MESSAGE })
      })
    }
    next()
  }
}

/**
 * `limit` and `offset` of every list route (issue 24, third look): Medusa's own list routes
 * (`/store/products`, `/store/regions`, the admin lists, …) answered `?limit=-1` or `?offset=-1`
 * with a 500 "unknown_error" (PostgreSQL refuses a negative LIMIT/OFFSET). Judged once here for
 * every route: a whole number, limit 0 to MAX_PAGE_LIMIT, offset 0 to MAX_PAGE_OFFSET. Routes
 * with a lower cap of their own (api/utils/fields.ts `pagination`) still apply it after this.
 * The storefront asks for at most 100; Medusa's admin dashboard asks for 9999 (regions, sales channels, …).
 */
export const MAX_PAGE_LIMIT = 10_000
export const MAX_PAGE_OFFSET = 1_000_000_000
export const LIMIT_MESSAGE = `limit is een heel getal van 0 tot en met ${MAX_PAGE_LIMIT}`
export const OFFSET_MESSAGE = "offset is een heel getal van 0 of meer"

const wholeNumberUpTo = (value: unknown, max: number): boolean =>
  typeof value === "string" && /^\d{1,10}$/.test(value) && Number(value) <= max

export function refuseBadPaging() {
  return function refuseBadPagingParams(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const query = (req.query ?? {}) as Record<string, unknown>
    const errors: Record<string, string> = {}
    if (query.limit !== undefined && !wholeNumberUpTo(query.limit, MAX_PAGE_LIMIT)) errors.limit = LIMIT_MESSAGE
    if (query.offset !== undefined && !wholeNumberUpTo(query.offset, MAX_PAGE_OFFSET)) errors.offset = OFFSET_MESSAGE
    const messages = Object.values(errors)
    if (messages.length) {
      res.status(400).json({ type: "invalid_data", message: messages.join(". "), errors })
      return
    }
    next()
  }
}

/**
 * No page of the backend may be framed (issue 24, third look): the admin (`/app`) sent no
 * X-Frame-Options or frame-ancestors, so another site could frame the signed-in admin and
 * trick staff into clicks (clickjacking). Medusa mounts the admin on the Express app next to
 * (and, as the loaders run concurrently, often before) the API's middlewares, so a middleware
 * here would not see `/app`. Instead every response of this process gets the two headers as
 * its head is written: the admin, its static files, the API's JSON, `/health` and the 404s
 * alike (a route's own X-Frame-Options stays; a policy of its own gets frame-ancestors added).
 * Installed once when the API's middlewares load, before the server takes requests.
 */
export const FRAME_HEADERS = { "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'" } as const
const FRAMING_INSTALLED = Symbol.for("buurtpreventie.denyFraming")

export function denyFramingOnEveryResponse(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [FRAMING_INSTALLED]?: true }
  if (proto[FRAMING_INSTALLED]) return
  proto[FRAMING_INSTALLED] = true
  const writeHead = proto.writeHead
  proto.writeHead = function writeHeadWithoutFraming(this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      if (!this.hasHeader("X-Frame-Options")) this.setHeader("X-Frame-Options", FRAME_HEADERS["X-Frame-Options"])
      // a policy of the route's own (Express's 404 page: default-src 'none') gets frame-ancestors added
      const csp = this.getHeader("Content-Security-Policy")
      if (csp === undefined) this.setHeader("Content-Security-Policy", FRAME_HEADERS["Content-Security-Policy"])
      else if (!/frame-ancestors/i.test(String(csp))) this.setHeader("Content-Security-Policy", `${String(csp)}; ${FRAME_HEADERS["Content-Security-Policy"]}`)
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args)
  } as typeof proto.writeHead
}
denyFramingOnEveryResponse()

/** Global (no methods, matcher "/"): the routes sorter runs these before every other middleware and route. */
export const requestHygieneMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/",
    middlewares: [answerUnknownRoutesInDutch(), refuseInvalidCharacters(), refuseBadPaging()],
  },
]

/** An error handler in front of `fallback`: a NUL PostgreSQL refused is the client's 400. */
export function invalidCharactersErrorHandler(fallback: (error: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown) {
  return function dutchInvalidCharacters(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if (isNulByteDatabaseError(error) && !res.headersSent) {
      res.status(400).json({ type: "invalid_data", message: INVALID_CHARACTERS_MESSAGE })
      return
    }
    return fallback(error, req, res, next)
  }
}
