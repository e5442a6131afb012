import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ALERTED_AT_KEY, alertDecision, metadataPatch } from "../../../lib/low-stock"
import { readStockLevels } from "../../../lib/stock-status"

export const LOW_STOCK_LOCK_PREFIX = "low-stock:"

export type Crossing = {
  inventory_item_id: string
  sku: string | null
  title: string | null
  available_quantity: number
  stocked_quantity: number
  reserved_quantity: number
  threshold: number
  alerted_at: string
}

export type EvaluateLowStockResult = { crossed: Crossing[]; cleared: string[] }

/**
 * For each item, under a lock per item (so concurrent orders evaluate one after the
 * other): when it is at or below its threshold and staff were not told yet, remember
 * the crossing (`low_stock_alerted_at`) and return it; when it is above its threshold
 * again, forget the crossing so the next one alerts. The compensation forgets the
 * crossings this step remembered, so a failed e-mail is tried again on the next change.
 */
export const evaluateLowStockStep = createStep(
  "evaluate-low-stock",
  async (input: { inventory_item_ids: string[]; default_threshold: number }, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const crossed: Crossing[] = []
    const cleared: string[] = []
    for (const id of [...new Set(input.inventory_item_ids)].sort()) {
      await locking.execute(`${LOW_STOCK_LOCK_PREFIX}${id}`, async () => {
        const [status] = await readStockLevels(container, input.default_threshold, { inventoryItemIds: [id] })
        if (!status) return
        const decision = alertDecision(status.available_quantity, status.threshold, status.metadata)
        if (decision === "alert") {
          const alertedAt = new Date().toISOString()
          await inventory.updateInventoryItems({ id, metadata: metadataPatch({ [ALERTED_AT_KEY]: alertedAt }) })
          crossed.push({
            inventory_item_id: id,
            sku: status.sku,
            title: status.title,
            available_quantity: status.available_quantity,
            stocked_quantity: status.stocked_quantity,
            reserved_quantity: status.reserved_quantity,
            threshold: status.threshold,
            alerted_at: alertedAt,
          })
        } else if (decision === "clear") {
          await inventory.updateInventoryItems({ id, metadata: metadataPatch({ [ALERTED_AT_KEY]: null }) })
          cleared.push(id)
        }
      })
    }
    return new StepResponse<EvaluateLowStockResult, Crossing[]>({ crossed, cleared }, crossed)
  },
  async (crossed, { container }) => {
    if (!crossed?.length) return
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    for (const crossing of crossed) {
      await locking.execute(`${LOW_STOCK_LOCK_PREFIX}${crossing.inventory_item_id}`, async () => {
        const [item] = await inventory.listInventoryItems({ id: crossing.inventory_item_id }, { select: ["id", "metadata"] })
        // Only undo our own mark, not a later crossing's.
        if (item?.metadata?.[ALERTED_AT_KEY] === crossing.alerted_at) {
          await inventory.updateInventoryItems({ id: item.id, metadata: metadataPatch({ [ALERTED_AT_KEY]: null }) })
        }
      })
    }
  }
)
