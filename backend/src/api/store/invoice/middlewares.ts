import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation and protection for the routes of orders paid on invoice. */
export const invoiceMiddlewares: MiddlewareRoute[] = []
