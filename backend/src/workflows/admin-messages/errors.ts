import { MedusaError } from "@medusajs/framework/utils"

/**
 * The refusals of the admin-message workflows, each with its HTTP status and a Dutch
 * sentence. Workflows hand errors to the caller serialised (own properties kept), so the
 * routes recognise them by `code` (api/utils/messaging-errors.ts); `field` makes a 400 a
 * field error, `retry_after` (seconds) a 429 with Retry-After.
 */
export const MESSAGING_ERROR = "admin_messaging_error"

export type MessagingError = MedusaError & { status: 400 | 403 | 404 | 429; field?: string; retry_after?: number }

export function messagingError(
  status: MessagingError["status"],
  message: string,
  extra: { field?: string; retry_after?: number } = {}
): MessagingError {
  const type = {
    400: MedusaError.Types.INVALID_DATA,
    403: MedusaError.Types.FORBIDDEN,
    404: MedusaError.Types.NOT_FOUND,
    429: MedusaError.Types.NOT_ALLOWED,
  }[status]
  const error = new MedusaError(type, message, MESSAGING_ERROR) as MessagingError
  error.status = status
  if (extra.field) error.field = extra.field
  if (extra.retry_after) error.retry_after = extra.retry_after
  return error
}

/** Someone else's group answers like a missing one. */
export const GROUP_NOT_FOUND = "Groep niet gevonden."
export const MESSAGE_NOT_FOUND = "Bericht niet gevonden."
/** Unknown, not approved or switched off: one sentence, so the answer does not tell which. */
export const CANNOT_RECEIVE = "Deze groep kan geen berichten ontvangen."
export const SENDER_BLOCKED = "Je kunt geen berichten meer sturen. Neem contact op met de winkel."
export const ONLY_APPROVED_RECEIVES = "Alleen een goedgekeurde groep kan berichten van andere beheerders ontvangen."
export const ONLY_APPROVED_SENDS = "Alleen een goedgekeurde groep kan berichten sturen aan andere beheerders."
export const NOT_NEARBY = "Je kunt alleen een bericht sturen aan groepen in de buurt van je eigen groep (zie Buurgroepen)."
export const NOT_TO_OWN_GROUP = "Je kunt geen bericht sturen aan je eigen groep."
export const ONLY_RECEIVER_REPLIES = "Je kunt alleen antwoorden op een bericht dat je hebt ontvangen."
export const NO_REACHABLE_GROUPS = (km: number) => `Er zijn geen buurgroepen die berichten ontvangen binnen ${km} km.`
export const REPORT_NOT_FOUND = "Deze meldlink is onbekend of het bericht is verwijderd."
/** Staff: a report id that is not (or no longer) there. */
export const REPORT_UNKNOWN = "Deze melding bestaat niet (meer)."
