/**
 * The one place that reads the environment variables of the staff features
 * (low-stock alerts, shipment and invite e-mails). Everything else imports
 * readStaffEnv(); unit tests call it with a plain object.
 *
 *   LOW_STOCK_THRESHOLD  shop-wide default threshold (whole number ≥ 0, default 10);
 *                        a variant's own threshold is inventory item metadata
 *                        `low_stock_threshold` (edited in the admin widget)
 *   STAFF_EMAIL          who gets the staff e-mails (low stock); default ADMIN_EMAIL,
 *                        then admin@buurtpreventie.local
 *   MEDUSA_BACKEND_URL   absolute base of the backend, for links into the admin in
 *                        e-mails (`<url>/app/invite?token=…`); default http://localhost:9000
 */
import { ConfigError } from "../config/env"

export const DEFAULT_LOW_STOCK_THRESHOLD = 10
export const DEFAULT_STAFF_EMAIL = "admin@buurtpreventie.local"
export const DEFAULT_BACKEND_URL = "http://localhost:9000"
/** Where Medusa serves its admin (medusa-config does not change `admin.path`). */
export const ADMIN_PATH = "/app"

export type StaffEnv = {
  lowStockThreshold: number
  staffEmail: string
  /** Absolute URL of the admin without trailing slash, e.g. http://localhost:9000/app */
  adminUrl: string
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

export function readStaffEnv(env: NodeJS.ProcessEnv = process.env): StaffEnv {
  const rawThreshold = nonEmpty(env.LOW_STOCK_THRESHOLD)
  let lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD
  if (rawThreshold !== undefined) {
    if (!/^\d+$/.test(rawThreshold)) {
      throw new ConfigError(`LOW_STOCK_THRESHOLD must be a whole number of at least 0, not "${env.LOW_STOCK_THRESHOLD}"`)
    }
    lowStockThreshold = Number(rawThreshold)
  }

  const staffEmail = nonEmpty(env.STAFF_EMAIL) ?? nonEmpty(env.ADMIN_EMAIL) ?? DEFAULT_STAFF_EMAIL

  // medusa-config reads MEDUSA_BACKEND_URL for the admin bundle, where "/" (same origin)
  // is fine; an e-mail needs an absolute address, so anything else falls back.
  const rawUrl = nonEmpty(env.MEDUSA_BACKEND_URL)
  let backendUrl = DEFAULT_BACKEND_URL
  if (rawUrl && /^https?:\/\//i.test(rawUrl)) {
    try {
      backendUrl = new URL(rawUrl).toString()
    } catch {
      backendUrl = DEFAULT_BACKEND_URL
    }
  }
  return { lowStockThreshold, staffEmail, adminUrl: `${backendUrl.replace(/\/+$/, "")}${ADMIN_PATH}` }
}
