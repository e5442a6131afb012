import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { StripeBancontactPaymentService, StripeCardService, StripeIdealPaymentService } from "./services"

/**
 * Stripe card, iDEAL and Bancontact: @medusajs/payment-stripe's services with a
 * configurable API host (see services.ts). Registered in src/config/modules.ts.
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [StripeCardService, StripeIdealPaymentService, StripeBancontactPaymentService],
})
