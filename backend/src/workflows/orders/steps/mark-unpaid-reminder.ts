import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Notes on the order that its payment reminder went out (metadata.unpaid_reminder_sent_at),
 * so the hourly job reminds once. Compensation puts the previous metadata back.
 */
export const markUnpaidReminderStep = createStep(
  "mark-unpaid-order-reminder",
  async ({ order_id, metadata, sent_at }: { order_id: string; metadata: Record<string, unknown> | null; sent_at: string }, { container }) => {
    const previous = metadata ?? {}
    await container.resolve(Modules.ORDER).updateOrders(order_id, { metadata: { ...previous, unpaid_reminder_sent_at: sent_at } })
    return new StepResponse(sent_at, { order_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.ORDER).updateOrders(undo.order_id, { metadata: { ...undo.previous, unpaid_reminder_sent_at: "" } })
  }
)
