import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation and protection for the routes of group admin accounts ("Mijn groep"). */
export const myGroupMiddlewares: MiddlewareRoute[] = []
