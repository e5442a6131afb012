import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_ERROR, type MessagingError } from "../../workflows/admin-messages/errors"
import { TOO_MANY_REQUESTS } from "../middlewares/rate-limit"
import { respondWithFieldErrors } from "../middlewares/validation"

/**
 * Answers the admin-message workflows' refusals (workflows/admin-messages/errors.ts): a
 * field error as the validation does, a 429 with Retry-After as the rate limiter does, the
 * rest with their status and Dutch message. Returns false for any other error, which the
 * caller rethrows.
 */
export function respondToMessagingError(res: MedusaResponse, error: unknown): boolean {
  const err = error as Partial<MessagingError>
  if (err?.code !== MESSAGING_ERROR || !err.status) return false
  if (err.status === 400 && err.field) {
    respondWithFieldErrors(res, { [err.field]: err.message ?? "Ongeldige invoer" })
    return true
  }
  if (err.status === 429) {
    res.setHeader("Retry-After", String(err.retry_after ?? 60))
    res.status(429).json({ type: TOO_MANY_REQUESTS, message: err.message })
    return true
  }
  const type = { 400: "invalid_data", 403: "not_allowed", 404: "not_found" }[err.status as 400 | 403 | 404]
  res.status(err.status).json({ type, message: err.message })
  return true
}

/**
 * Answers a message that could not be sent (the workflow undid it: nothing stored, nothing
 * counted). The provider's error may name the receiver's address: logged, never answered.
 */
export function respondToSendError(req: MedusaRequest, res: MedusaResponse, error: unknown): void {
  if (respondToMessagingError(res, error)) return
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  logger.error(`Admin message from group ${req.params.id} could not be sent: ${(error as Error)?.message ?? error}`)
  res.status(502).json({ type: "unexpected_state", message: "Je bericht kon niet worden verstuurd. Probeer het later opnieuw." })
}
