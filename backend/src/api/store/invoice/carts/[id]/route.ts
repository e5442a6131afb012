import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { INVOICE_PROVIDER_ID, type InvoiceDetails, type InvoiceMetadata } from "../../../../../modules/invoice-payment/details"

/**
 * POST /store/invoice/carts/:id — choose "Op factuur (gemeente/organisatie)".
 *
 * The body (organisation, kvk_number and/or vat_number, reference, invoice_email) is
 * validated by the middleware with a Dutch error per field, before anything changes.
 * Then the data goes into cart.metadata.invoice (Medusa copies cart metadata to the
 * order) with status "awaiting_approval", and a payment session of the invoice
 * provider is created with the same data (the provider validates it again). The
 * metadata is written first: updating a cart refreshes its payment sessions.
 */
export async function POST(req: MedusaRequest<InvoiceDetails>, res: MedusaResponse) {
  const details = req.validatedBody as InvoiceDetails
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "metadata", "completed_at", "region.payment_providers.id", "payment_collection.id"],
    filters: { id: req.params.id },
  })
  const cart = carts[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Deze winkelwagen bestaat niet (meer).")
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling is al geplaatst.")
  const offered = (cart.region?.payment_providers ?? []).some((p: any) => p?.id === INVOICE_PROVIDER_ID)
  if (!offered) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Betalen op factuur is in dit land niet mogelijk.")
  }

  const invoice: InvoiceMetadata = { ...details, status: "awaiting_approval" }
  await updateCartWorkflow(req.scope).run({
    input: { id: cart.id, metadata: { ...(cart.metadata ?? {}), invoice } },
  })

  let collectionId: string | undefined = cart.payment_collection?.id
  if (!collectionId) {
    await createPaymentCollectionForCartWorkflow(req.scope).run({ input: { cart_id: cart.id } })
    const { data } = await query.graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cart.id } })
    collectionId = (data[0] as any)?.payment_collection?.id
  }
  await createPaymentSessionsWorkflow(req.scope).run({
    input: {
      payment_collection_id: collectionId!,
      provider_id: INVOICE_PROVIDER_ID,
      customer_id: (req as any).auth_context?.actor_id,
      data: { invoice: details },
    },
  })

  res.status(200).json({ cart: { id: cart.id, invoice }, payment_collection: { id: collectionId } })
}

/**
 * DELETE /store/invoice/carts/:id — the buyer chose another way to pay: the
 * organisation data leaves the cart, so the order does not carry it.
 */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "metadata", "completed_at"],
    filters: { id: req.params.id },
  })
  const cart = carts[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Deze winkelwagen bestaat niet (meer).")
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Deze bestelling is al geplaatst.")
  if (cart.metadata && "invoice" in cart.metadata) {
    // Medusa merges metadata; an empty string removes a key (utils mergeMetadata).
    await updateCartWorkflow(req.scope).run({ input: { id: cart.id, metadata: { invoice: "" } } })
  }
  res.status(200).json({ cart: { id: cart.id, invoice: null } })
}
