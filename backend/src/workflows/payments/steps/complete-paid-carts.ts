import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflowId } from "@medusajs/medusa/core-flows"
import type { PaidCartWithoutOrder } from "./find-paid-carts-without-order"

export type ReconcileOutcome = PaidCartWithoutOrder & { order_id: string | null; error: string | null }

/**
 * Completes each paid cart exactly as the store API's complete route does (the
 * workflow engine's run of completeCartWorkflow, so a completion already under way,
 * by the shopper or the webhook, is joined rather than repeated). A cart that still
 * ends without an order is returned with the reason, for the staff alert.
 * completeCartWorkflow compensates its own partial work; this step has nothing of
 * its own to undo.
 */
export const completePaidCartsStep = createStep(
  "complete-paid-carts",
  async (input: { carts: PaidCartWithoutOrder[] }, { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const outcomes: ReconcileOutcome[] = []
    for (const cart of input.carts) {
      let error: string | null = null
      try {
        const { errors } = await engine.run(completeCartWorkflowId, { input: { id: cart.cart_id }, throwOnError: false })
        if (errors?.[0]) error = (errors[0].error as Error)?.message ?? String(errors[0].error)
      } catch (e) {
        error = (e as Error)?.message ?? String(e)
      }
      const { data } = await query.graph({ entity: "cart", fields: ["completed_at", "order.id"], filters: { id: cart.cart_id } })
      const orderId = (data[0] as any)?.order?.id ?? null
      if (orderId) {
        logger.info(`Payment reconciliation: cart ${cart.cart_id} (${cart.intent_id}) completed as order ${orderId}`)
        outcomes.push({ ...cart, order_id: orderId, error: null })
      } else {
        logger.error(`Payment reconciliation: paid cart ${cart.cart_id} (${cart.intent_id}) has no order: ${error ?? "unknown"}`)
        outcomes.push({ ...cart, order_id: null, error: error ?? "De winkelwagen kon niet worden afgerond." })
      }
    }
    return new StepResponse(outcomes)
  }
)
