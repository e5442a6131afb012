import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation and protection for the routes of area notices. */
export const noticeMiddlewares: MiddlewareRoute[] = []
