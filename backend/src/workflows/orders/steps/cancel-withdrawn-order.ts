import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import type { WithdrawalRecord } from "./record-withdrawal"

/**
 * Cancels a withdrawn order that was neither paid nor shipped, through Medusa's own
 * cancelOrderWorkflow: its reservations are deleted (the stock is for sale again) and
 * the uncaptured payment is cancelled. The last step of withdraw-order, after the
 * acknowledgement went out: the withdrawal stands whatever happens here, so a failure
 * is logged and noted on the order (`order_canceled: false`, shown to staff) instead
 * of undoing the withdrawal.
 */
export const cancelWithdrawnOrderStep = createStep(
  "cancel-withdrawn-order",
  async ({ order_id }: { order_id: string }, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const note = async (order_canceled: boolean) => {
      const order = await orders.retrieveOrder(order_id, { select: ["id", "metadata"] })
      const withdrawal = order.metadata?.withdrawal as WithdrawalRecord | undefined
      if (withdrawal) await orders.updateOrders(order_id, { metadata: { ...order.metadata, withdrawal: { ...withdrawal, order_canceled } } })
    }
    try {
      await cancelOrderWorkflow(container).run({ input: { order_id } })
      await note(true)
      return new StepResponse({ canceled: true })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Withdrawn order ${order_id} could not be cancelled automatically: ${(error as Error).message}`)
      await note(false)
      return new StepResponse({ canceled: false })
    }
  }
)
