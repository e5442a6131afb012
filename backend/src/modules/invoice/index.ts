import { Module } from "@medusajs/framework/utils"
import InvoiceModuleService from "./service"

export const INVOICE_MODULE = "invoice"

/** Invoices of orders paid on invoice: gap-free numbers and the snapshot each PDF is rendered from. */
export default Module(INVOICE_MODULE, {
  service: InvoiceModuleService,
})

export type { InvoiceModuleService }
