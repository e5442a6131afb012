import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { processUnpaidOrders } from "../workflows/orders/unpaid-orders"

/**
 * Every hour: a payment reminder for orders on account unpaid after
 * UNPAID_ORDER_REMINDER_DAYS, cancellation (stock released) after UNPAID_ORDER_CANCEL_DAYS.
 * Reminders are noted on the order and the mails carry idempotency keys, so a repeated
 * or overlapping run sends nothing twice.
 */
export default async function unpaidOrdersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { reminded, canceled, failed } = await processUnpaidOrders(container)
  if (reminded.length || canceled.length || failed.length) {
    logger.info(`Unpaid orders on account: ${reminded.length} reminded, ${canceled.length} cancelled, ${failed.length} failed`)
  }
}

export const config = {
  name: "unpaid-orders-on-account",
  schedule: "17 * * * *",
}
