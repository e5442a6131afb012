/**
 * The rules for a password a group admin chooses (set-password and reset links). The
 * storefront's form shows the same messages; the backend is where they are enforced.
 */
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 128

/** What is wrong with a new password, in Dutch; null when it is fine. */
export function passwordProblem(password: string): string | null {
  if (!password) return "Kies een wachtwoord"
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens`
  if (password.length > MAX_PASSWORD_LENGTH) return `Een wachtwoord is hoogstens ${MAX_PASSWORD_LENGTH} tekens lang`
  if (password.trim() !== password) return "Begin of eindig je wachtwoord niet met een spatie"
  if (new Set(password).size < 4) return "Kies een wachtwoord met meer verschillende tekens"
  return null
}
