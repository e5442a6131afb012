/**
 * Request body limits of the shop's own routes.
 *
 * Medusa parses every body with Express's json/text/urlencoded parsers before any route
 * middleware runs, with a default limit of 100 kB (body-parser's default) unless a
 * middleware entry sets `bodyParser: { sizeLimit }` for the route. The parsers check
 * Content-Length before reading and count streamed bytes otherwise, so an oversized body
 * is refused without being held in memory. The shop's forms are small: their routes get
 * tighter limits here. The CSV stock import keeps its own 2 MB (see api/middlewares.ts),
 * Medusa's own routes keep Medusa's default.
 *
 * A refused body reaches Medusa's error handler as body-parser's 413 in English;
 * `bodyTooLargeErrorHandler` answers it in Dutch and hands everything else to Medusa's.
 */
import {
  errorHandler,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"

/** Store forms: a group registration or a message is a few kB even fully written out. */
export const STORE_FORM_BODY_LIMIT = "32kb"
/** Notices: a long text in any script (JSON-escaped up to 6 bytes a character) plus its areas. */
export const NOTICE_BODY_LIMIT = "64kb"

const limit = (matcher: string, sizeLimit: string): MiddlewareRoute => ({
  matcher,
  methods: ["POST", "PUT", "PATCH", "DELETE"],
  bodyParser: { sizeLimit },
})

export const bodyLimitMiddlewares: MiddlewareRoute[] = [
  limit("/store/groups", STORE_FORM_BODY_LIMIT),
  limit("/store/groups/:slug/contact", STORE_FORM_BODY_LIMIT),
  limit("/store/my-group/groups/:id", STORE_FORM_BODY_LIMIT),
  limit("/store/my-group/removal", STORE_FORM_BODY_LIMIT),
  // admin to admin (issue 30): a matcher covers its own path only, so each route is named
  limit("/store/my-group/groups/:id/messaging", STORE_FORM_BODY_LIMIT),
  limit("/store/my-group/groups/:id/messages", STORE_FORM_BODY_LIMIT),
  limit("/store/my-group/groups/:id/messages/:message_id/reply", STORE_FORM_BODY_LIMIT),
  limit("/store/my-group/groups/:id/warnings", STORE_FORM_BODY_LIMIT),
  limit("/store/admin-messages/report", STORE_FORM_BODY_LIMIT),
  limit("/store/carts/:id/group", STORE_FORM_BODY_LIMIT),
  limit("/store/invoice/carts/:id", STORE_FORM_BODY_LIMIT),
  limit("/store/notices/author/notices", NOTICE_BODY_LIMIT),
  limit("/store/notices/author/notices/:id/withdraw", STORE_FORM_BODY_LIMIT),
  limit("/admin/notices", NOTICE_BODY_LIMIT),
  limit("/admin/notices/:id", NOTICE_BODY_LIMIT),
  limit("/admin/groups", STORE_FORM_BODY_LIMIT),
  limit("/admin/groups/:id", STORE_FORM_BODY_LIMIT),
]

export const BODY_TOO_LARGE_MESSAGE = "Dit verzoek is te groot. Maak de tekst korter en probeer het opnieuw."

type HttpError = { status?: number; statusCode?: number; type?: string }

/** Medusa's error handler, with body-parser's 413 answered in Dutch. */
export function bodyTooLargeErrorHandler(fallback = errorHandler()) {
  return function dutchBodyTooLarge(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const http = error as HttpError | undefined
    if (http?.type === "entity.too.large" || http?.status === 413 || http?.statusCode === 413) {
      // The rest of the body is still on the wire: close instead of reading it for keep-alive.
      res.setHeader("Connection", "close")
      res.status(413).json({ type: "payload_too_large", message: BODY_TOO_LARGE_MESSAGE })
      return
    }
    return fallback(error as any, req, res, next)
  }
}
