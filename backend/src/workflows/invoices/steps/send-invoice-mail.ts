import type { INotificationModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IssuedInvoice } from "../../../modules/invoice/service"
import { renderInvoicePdf } from "../../../modules/invoice/pdf"
import { invoiceMail } from "../emails"
import { invoiceDocument } from "../order-invoice"

/**
 * E-mails the invoice PDF to the organisation's invoice address. The last step:
 * a mail cannot be taken back, and the idempotency key keeps a retried workflow
 * from sending the same invoice twice.
 */
export const sendInvoiceMailStep = createStep("send-invoice-mail", async (input: { invoice: IssuedInvoice }, { container }) => {
  const document = invoiceDocument(input.invoice)
  const pdf = await renderInvoicePdf(document)
  const content = invoiceMail(document)
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const [sent] = await notifications.createNotifications([
    {
      to: document.buyer.email,
      channel: "email",
      template: "invoice",
      content,
      data: { invoice_number: document.number, order_id: document.order.id, subject: content.subject },
      attachments: [{ filename: `factuur-${document.number}.pdf`, content: pdf.toString("base64"), content_type: "application/pdf" }],
      trigger_type: "invoice.approved",
      resource_id: document.order.id,
      resource_type: "order",
      idempotency_key: `invoice:${document.number}`,
    },
  ])
  return new StepResponse({ notification_id: sent?.id ?? null })
})
