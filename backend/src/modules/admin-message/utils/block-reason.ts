/**
 * Staff's reason for stopping an admin messaging other admins: required when blocking, at
 * least this many characters (as a rejection's reason), at most 1000. Shared by the admin
 * route's validation and the staff page's form, so both say the same.
 */
export const BLOCK_REASON_MIN = 3
export const BLOCK_REASON_MAX = 1000

export const BLOCK_REASON_REQUIRED = "Geef de reden van de blokkade"
export const BLOCK_REASON_TOO_SHORT = `De reden van de blokkade is minstens ${BLOCK_REASON_MIN} tekens lang`
export const BLOCK_REASON_TOO_LONG = `De reden mag hoogstens ${BLOCK_REASON_MAX} tekens lang zijn`

/** What is wrong with a reason typed for a block (trimmed), or null when it will do. */
export function blockReasonProblem(reason: string | null | undefined): string | null {
  const text = (reason ?? "").trim()
  if (!text) return BLOCK_REASON_REQUIRED
  if (text.length < BLOCK_REASON_MIN) return BLOCK_REASON_TOO_SHORT
  if (text.length > BLOCK_REASON_MAX) return BLOCK_REASON_TOO_LONG
  return null
}
