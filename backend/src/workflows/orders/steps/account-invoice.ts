import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readBackendEnv } from "../../../config/env"
import { addressLines } from "../../../lib/html"
import { paymentReference } from "../../../lib/payment-on-account"
import { renderInvoicePdf } from "../../../modules/invoice/pdf"
import type { IssuedInvoice } from "../../../modules/invoice/service"
import { buildInvoiceSnapshot, invoiceDocument, readInvoiceOrder } from "../../invoices/order-invoice"

/**
 * The invoice of an order "op rekening" (a consumer paying by bank transfer), built
 * like the shop's invoices for organisations (workflows/invoices, one gap-free number
 * series) with the shopper as the buyer and the payment term of unpaid orders
 * (UNPAID_ORDER_CANCEL_DAYS). Read-only: the number is issued by issueInvoiceStep.
 */
export const prepareAccountInvoiceStep = createStep("prepare-account-invoice", async (input: { order_id: string }, { container }) => {
  const { order } = await readInvoiceOrder(container, input.order_id)
  const address = order.billing_address ?? order.shipping_address
  const [name, ...lines] = addressLines({ ...(address ?? {}), company: null })
  const snapshot = {
    ...buildInvoiceSnapshot(order),
    buyer: {
      organisation: address?.company || name || order.email,
      kvk_number: null,
      vat_number: null,
      reference: null,
      email: order.email,
      address_lines: address?.company && name ? [`t.a.v. ${name}`, ...lines] : lines,
    },
    payment_term_days: readBackendEnv().unpaidOrderCancelDays,
    // What the transfer's description must say: the order number (see lib/payment-on-account.ts).
    payment_reference: paymentReference(order.display_id),
  }
  return new StepResponse(snapshot as unknown as Record<string, unknown>)
})

/** The PDF as a mail attachment (base64), named by the invoice number. */
export const renderAccountInvoiceStep = createStep("render-account-invoice", async (input: { invoice: IssuedInvoice }) => {
  const document = invoiceDocument(input.invoice)
  const pdf = await renderInvoicePdf(document)
  return new StepResponse({
    number: document.number,
    attachment: { filename: `factuur-${document.number}.pdf`, content: pdf.toString("base64"), content_type: "application/pdf" },
  })
})
