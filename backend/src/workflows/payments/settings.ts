/**
 * Settings of the payment reconciliation job, read from the environment when it runs.
 *
 *   PAYMENT_RECONCILE_AFTER_MINUTES  how old a paid session without an order must be
 *                                    before the job steps in (default 15): long enough
 *                                    for the shopper's return and Stripe's webhook
 *   PAYMENT_RECONCILE_WINDOW_HOURS   how far back it looks (default 72)
 */
export type ReconcileSettings = { afterMinutes: number; windowHours: number }

export const DEFAULT_RECONCILE_AFTER_MINUTES = 15
export const DEFAULT_RECONCILE_WINDOW_HOURS = 72

export function readReconcileSettings(env: NodeJS.ProcessEnv = process.env): ReconcileSettings {
  const number = (name: string, fallback: number) => {
    const raw = env[name]?.trim()
    if (!raw) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not "${raw}"`)
    return value
  }
  return {
    afterMinutes: number("PAYMENT_RECONCILE_AFTER_MINUTES", DEFAULT_RECONCILE_AFTER_MINUTES),
    windowHours: number("PAYMENT_RECONCILE_WINDOW_HOURS", DEFAULT_RECONCILE_WINDOW_HOURS),
  }
}
