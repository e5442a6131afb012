/**
 * A staff sign-up that is not a login yet.
 *
 * Medusa's admin page /app/invite signs up (`POST /auth/user/emailpass/register`) and then
 * accepts the invite (`POST /admin/invites/accept?token=…`) with the sign-up's token. Medusa
 * creates the login at sign-up, before anyone has shown the invite token: whoever signs up
 * first for an invited address owns its password, and their early token later refreshes into
 * a staff token. So the shop's sign-up creates nothing: it answers every address alike with a
 * sealed note of the address and password (AES-256-GCM, a key derived from JWT_SECRET, valid
 * SEAL_LIFETIME_SECONDS), and the login is made at acceptance, together with the user, only
 * when the invite token is valid and was sent to that same address
 * (workflows/staff/accept-staff-invite.ts). The note is not a Medusa token: no Medusa route
 * accepts it, and only the browser that typed the password holds it.
 */
import crypto from "node:crypto"

export const STAFF_REGISTRATION_PREFIX = "bp-staff-signup."
/** Long enough to fill in the invite form, short enough that a leaked note soon expires. */
export const SEAL_LIFETIME_SECONDS = 30 * 60

export type StaffRegistration = { email: string; password: string }

function key(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), "bp staff sign-up seal v1", 32))
}

export function sealStaffRegistration(registration: StaffRegistration, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv("aes-256-gcm", key(secret), iv)
  cipher.setAAD(Buffer.from(STAFF_REGISTRATION_PREFIX))
  const payload = JSON.stringify({ e: registration.email, p: registration.password, x: nowSeconds + SEAL_LIFETIME_SECONDS })
  const sealed = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()])
  return STAFF_REGISTRATION_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")
}

/** The sign-up in a sealed note; undefined when it is not one, forged or expired. */
export function openStaffRegistration(token: unknown, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): StaffRegistration | undefined {
  if (typeof token !== "string" || !token.startsWith(STAFF_REGISTRATION_PREFIX) || token.length > 4096) return undefined
  const raw = Buffer.from(token.slice(STAFF_REGISTRATION_PREFIX.length), "base64url")
  if (raw.length < 12 + 16 + 1) return undefined
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12))
    decipher.setAAD(Buffer.from(STAFF_REGISTRATION_PREFIX))
    decipher.setAuthTag(raw.subarray(12, 28))
    const { e, p, x } = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"))
    if (typeof e !== "string" || typeof p !== "string" || typeof x !== "number" || x < nowSeconds) return undefined
    return { email: e, password: p }
  } catch {
    return undefined
  }
}

/** The note in an `Authorization: Bearer …` header, if that is what the header holds. */
export function staffRegistrationFromHeader(authorization: unknown, secret: string): StaffRegistration | undefined {
  if (typeof authorization !== "string") return undefined
  const match = /^bearer\s+(\S+)$/i.exec(authorization.trim())
  return match ? openStaffRegistration(match[1], secret) : undefined
}
