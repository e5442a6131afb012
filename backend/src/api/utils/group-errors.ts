import type { MedusaResponse } from "@medusajs/framework/http"
import { DUPLICATE_GROUP_ERROR, GROUP_FIELD_ERROR } from "../../workflows/groups/errors"
import { respondWithFieldErrors } from "../middlewares/validation"

/**
 * Answers the group workflows' own errors (a field the database knows is wrong,
 * a duplicate group) like the validation errors. Returns false for any other
 * error, which the caller rethrows to Medusa's error handler.
 */
export function respondToGroupError(res: MedusaResponse, error: unknown): boolean {
  const err = error as { code?: string; field?: string; message?: string }
  if (err?.code === GROUP_FIELD_ERROR && err.field) {
    respondWithFieldErrors(res, { [err.field]: err.message ?? "Ongeldige invoer" })
    return true
  }
  if (err?.code === DUPLICATE_GROUP_ERROR) {
    res.status(409).json({ type: "duplicate_error", message: err.message })
    return true
  }
  return false
}
