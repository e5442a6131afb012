import { MedusaError } from "@medusajs/framework/utils"

/**
 * Errors the group workflows throw for one form field or for a duplicate group.
 * Workflows hand errors to the caller serialised (own properties kept), so the API
 * routes recognise them by `code` and answer with the field's message (see
 * src/api/utils/group-errors.ts).
 */
export const GROUP_FIELD_ERROR = "group_field_error"
export const DUPLICATE_GROUP_ERROR = "duplicate_group"

export type GroupFieldError = MedusaError & { field: string }

export function groupFieldError(field: string, message: string): GroupFieldError {
  const error = new MedusaError(MedusaError.Types.INVALID_DATA, message, GROUP_FIELD_ERROR) as GroupFieldError
  error.field = field
  return error
}

export function duplicateGroupError(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.DUPLICATE_ERROR, message, DUPLICATE_GROUP_ERROR)
}

/** A confirmation link that is unknown or expired (410), or that was used already (200, said once more). */
export const REGISTRATION_LINK_INVALID = "registration_link_invalid"
export const REGISTRATION_ALREADY_CONFIRMED = "registration_already_confirmed"

/** Staff acted on a group that changed since they opened it (409). */
export const GROUP_CHANGED = "group_changed"
