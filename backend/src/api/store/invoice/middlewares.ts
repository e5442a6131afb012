import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { InvoiceDetailsSchema } from "../../../modules/invoice-payment/details"
import { FULFILMENT_REFUSED, mayFulfil, readInvoiceOrder } from "../../../workflows/invoices/order-invoice"
import { validateBodyWithFieldErrors } from "../../middlewares/validation"

/**
 * Refuses Medusa's own "create fulfillment" route for an order paid on invoice that
 * staff have not approved yet. A middleware rather than a workflow hook: Medusa
 * 2.21's createOrderFulfillmentWorkflow only offers `fulfillmentCreated`, which runs
 * after the fulfillment exists (and the admin dashboard calls this route).
 */
export function refuseUnapprovedInvoiceFulfilment() {
  return async function refuseUnapproved(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const state = await readInvoiceOrder(req.scope, req.params.id)
      if (!mayFulfil(state)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, FULFILMENT_REFUSED)
      next()
    } catch (e) {
      next(e)
    }
  }
}

/** Validation and protection for the routes of orders paid on invoice. */
export const invoiceMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/invoice/carts/:id",
    methods: ["POST"],
    middlewares: [validateBodyWithFieldErrors(InvoiceDetailsSchema.strict())],
  },
  {
    matcher: "/admin/orders/:id/fulfillments",
    methods: ["POST"],
    middlewares: [refuseUnapprovedInvoiceFulfilment()],
  },
]
