import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation and protection for the routes of orders placed for a group. */
export const groupOrderMiddlewares: MiddlewareRoute[] = []
