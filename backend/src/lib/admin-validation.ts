/**
 * Validation inside our admin route handlers (the routes' middlewares file is shared
 * with other features, so these routes check their own input): a zod schema and a
 * 400 in Medusa's error shape, `{ type: "invalid_data", message }`, with the message in
 * Dutch for the admin screens.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

export function parseOrThrow<S extends z.ZodTypeAny>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const message = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ")
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}
