import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { processInvoiceApprovals } from "../workflows/invoices/invoice-approval"

/**
 * Every hour: staff are reminded of orders on invoice still unapproved after
 * INVOICE_APPROVAL_REMINDER_DAYS, and such orders are cancelled (stock released, shopper
 * mailed) after INVOICE_APPROVAL_EXPIRE_DAYS. Reminders are noted on the order and every
 * mail carries an idempotency key, so a repeated or overlapping run sends nothing twice.
 */
export default async function invoiceApprovalJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { reminded, expired, failed } = await processInvoiceApprovals(container)
  if (reminded.length || expired.length || failed.length) {
    logger.info(`Orders on invoice awaiting approval: ${reminded.length} reminded, ${expired.length} expired, ${failed.length} failed`)
  }
}

export const config = {
  name: "invoice-orders-awaiting-approval",
  schedule: "47 * * * *",
}
