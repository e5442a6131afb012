import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { InvoicePaymentProviderService } from "./service"

/** Payment on invoice for municipalities and organisations (pp_invoice_invoice); registered in src/config/modules.ts. */
export default ModuleProvider(Modules.PAYMENT, {
  services: [InvoicePaymentProviderService],
})
