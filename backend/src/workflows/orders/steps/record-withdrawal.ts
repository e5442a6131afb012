import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrdersForWithdrawal } from "../withdrawal-order"
import { withdrawalSituation, type WithdrawalSituation } from "../withdrawal-outcome"
import { refusalMessage, withdrawalPeriod, type OrderForWithdrawal } from "../withdrawal-period"

/** What the order keeps in `metadata.withdrawal` (shown to staff in the order page's widget). */
export type WithdrawalRecord = {
  /** ISO timestamp at which the shop received the withdrawal. */
  withdrawn_at: string
  /** Last day of the period (YYYY-MM-DD) when it had started, else null (not yet delivered). */
  period_last_day: string | null
  /** The order's state when the withdrawal arrived: decides the words and whether it is cancelled (withdrawal-outcome.ts). */
  situation: WithdrawalSituation
  /** Set by the cancel step: true once an unpaid order was cancelled, false when that failed (staff cancel it). */
  order_canceled?: boolean
}

export type RecordWithdrawalInput = { order_id: string; now?: string }

type Order = OrderForWithdrawal & { id: string; metadata?: Record<string, unknown> | null } & Record<string, any>

export type RecordWithdrawalResult = { withdrawal: WithdrawalRecord; created: boolean; order: Order }

/**
 * Records the withdrawal on the order (metadata.withdrawal), once: a second request
 * returns the first record unchanged, also after the period (the shopper withdrew in
 * time). Outside the period it refuses with a Dutch message. Compensation puts the
 * previous metadata back, so a failed acknowledgement mail leaves no half withdrawal.
 */
export const recordWithdrawalStep = createStep(
  "record-withdrawal",
  async ({ order_id, now }: RecordWithdrawalInput, { container }) => {
    // Read inside the step, under the caller's lock, so two requests never both see "not withdrawn".
    const [order] = (await loadOrdersForWithdrawal(container, { id: order_id })) as Order[]
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order_id} not found`)
    const existing = order.metadata?.withdrawal as WithdrawalRecord | undefined
    if (existing?.withdrawn_at) {
      return new StepResponse<RecordWithdrawalResult, null>({ withdrawal: existing, created: false, order }, null)
    }
    const at = now ? new Date(now) : new Date()
    const period = withdrawalPeriod(order, at)
    if (!period.open) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusalMessage(period))

    const withdrawal: WithdrawalRecord = {
      withdrawn_at: at.toISOString(),
      period_last_day: period.last_day,
      situation: withdrawalSituation(order),
    }
    const previous = order.metadata ?? {}
    await container.resolve(Modules.ORDER).updateOrders(order.id, { metadata: { ...previous, withdrawal } })
    return new StepResponse<RecordWithdrawalResult, { id: string; previous: Record<string, unknown> } | null>(
      { withdrawal, created: true, order },
      { id: order.id, previous }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    // Medusa merges metadata and deletes keys set to "" (see its metadata utilities).
    await container.resolve(Modules.ORDER).updateOrders(undo.id, { metadata: { ...undo.previous, withdrawal: "" } })
  }
)
