import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INVOICE_MODULE } from "../../../../../../modules/invoice"
import { renderInvoicePdf } from "../../../../../../modules/invoice/pdf"
import type InvoiceModuleService from "../../../../../../modules/invoice/service"
import { invoiceDocument } from "../../../../../../workflows/invoices/order-invoice"

/**
 * GET /admin/orders/:id/invoice/pdf — the order's invoice as application/pdf,
 * rendered from the snapshot taken at approval (the same document that was mailed).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const invoices: InvoiceModuleService = req.scope.resolve(INVOICE_MODULE)
  const invoice = await invoices.retrieveInvoiceForOrder(req.params.id)
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Deze bestelling heeft (nog) geen factuur. Keur de bestelling eerst goed.")
  }
  const document = invoiceDocument(invoice)
  const pdf = await renderInvoicePdf(document)
  res.set({
    "Content-Type": "application/pdf",
    "Content-Disposition": `${req.query.download === "0" ? "inline" : "attachment"}; filename="factuur-${document.number}.pdf"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  })
  res.status(200).send(pdf)
}
