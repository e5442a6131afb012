import type { IOrderModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Merges `patch` into the order's metadata.invoice (status, number, dates);
 * compensation puts the previous metadata back.
 */
export const updateInvoiceMetadataStep = createStep(
  "update-invoice-metadata",
  async (input: { order_id: string; patch: Record<string, unknown> }, { container }) => {
    const orders: IOrderModuleService = container.resolve(Modules.ORDER)
    const order = await orders.retrieveOrder(input.order_id, { select: ["id", "metadata"] })
    const previous = (order.metadata ?? {}) as Record<string, unknown>
    const invoice = { ...((previous.invoice as Record<string, unknown>) ?? {}), ...input.patch }
    await orders.updateOrders(input.order_id, { metadata: { ...previous, invoice } })
    return new StepResponse(invoice, { order_id: input.order_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const orders: IOrderModuleService = container.resolve(Modules.ORDER)
    await orders.updateOrders(undo.order_id, { metadata: undo.previous })
  }
)
