import { MedusaError } from "@medusajs/framework/utils"

/**
 * The notice workflows' validation error: a Dutch message per field. Workflows hand
 * errors to the caller serialised (own properties kept), so the admin routes
 * recognise it by `code` and answer 400 with `errors` per field.
 */
export const NOTICE_FIELD_ERRORS = "area_notice_field_errors"

export type NoticeFieldErrors = MedusaError & { errors: Record<string, string> }

export function noticeFieldErrorsError(errors: Record<string, string>): NoticeFieldErrors {
  const message = [...new Set(Object.values(errors))].join(". ")
  const error = new MedusaError(MedusaError.Types.INVALID_DATA, message, NOTICE_FIELD_ERRORS) as NoticeFieldErrors
  error.errors = errors
  return error
}
