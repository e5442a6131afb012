import crypto from "node:crypto"

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

/**
 * The cost of Medusa's emailpass password hashes (@medusajs/auth-emailpass: scrypt-kdf with
 * `hashConfig` ?? { logN: 15, r: 8, p: 1 }; this shop sets no hashConfig). Checking a
 * password against a login costs one scrypt of these parameters.
 */
export const EMAILPASS_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const

const DUMMY_SALT = crypto.randomBytes(32)

/**
 * Spends what checking `password` against a real login would (one scrypt with Medusa's
 * parameters), for an address that has no login or no password: so the answer to a sign-in
 * takes as long whether or not the address has a login. The result is thrown away.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  await new Promise<void>((resolve) =>
    crypto.scrypt(password, DUMMY_SALT, 64, { ...EMAILPASS_SCRYPT, maxmem: 2 ** 31 - 1 }, () => resolve())
  )
}
