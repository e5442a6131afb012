import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcilePaymentsWorkflow } from "../workflows/payments/reconcile-payments"
import { readReconcileSettings } from "../config/env"

/**
 * Every five minutes: Stripe payments that succeeded at least
 * PAYMENT_RECONCILE_AFTER_MINUTES ago without an order are completed, or staff get
 * one e-mail about each (see reconcile-payments workflow).
 */
export default async function reconcilePaymentsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = readReconcileSettings()
  const now = Date.now()
  const { result } = await reconcilePaymentsWorkflow(container).run({
    input: {
      older_than: new Date(now - settings.afterMinutes * 60_000).toISOString(),
      newer_than: new Date(now - settings.windowHours * 3_600_000).toISOString(),
    },
  })
  const completed = result.filter((o) => o.order_id).length
  const stuck = result.length - completed
  if (result.length) logger.info(`Payment reconciliation: ${completed} order(s) placed, ${stuck} reported to staff`)
}

export const config = {
  name: "reconcile-payments",
  schedule: "*/5 * * * *",
}
