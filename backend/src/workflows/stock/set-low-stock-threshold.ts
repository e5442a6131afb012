import { InventoryItemWorkflowEvents, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { metadataPatch, THRESHOLD_KEY } from "../../lib/low-stock"
import { LOW_STOCK_LOCK_PREFIX } from "./steps/evaluate-low-stock"

export const setLowStockThresholdWorkflowId = "set-low-stock-threshold"

export type SetLowStockThresholdInput = {
  inventory_item_id: string
  /** A whole number ≥ 0, or null for the shop-wide default (LOW_STOCK_THRESHOLD). */
  threshold: number | null
}

type Previous = { id: string; value: string | number | null }

/** Writes `low_stock_threshold` in the item's metadata, under the same lock as the alert's own marker. */
const setThresholdStep = createStep(
  "set-low-stock-threshold",
  async (input: SetLowStockThresholdInput, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    return await locking.execute(`${LOW_STOCK_LOCK_PREFIX}${input.inventory_item_id}`, async () => {
      const [item] = await inventory.listInventoryItems({ id: input.inventory_item_id }, { select: ["id", "metadata"] })
      if (!item) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item ${input.inventory_item_id} was not found`)
      }
      const before = item.metadata?.[THRESHOLD_KEY]
      const previous: Previous = { id: item.id, value: typeof before === "number" || typeof before === "string" ? before : null }
      await inventory.updateInventoryItems({ id: item.id, metadata: metadataPatch({ [THRESHOLD_KEY]: input.threshold }) })
      return new StepResponse({ id: item.id, threshold: input.threshold }, previous)
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const inventory = container.resolve(Modules.INVENTORY)
    await inventory.updateInventoryItems({ id: previous.id, metadata: metadataPatch({ [THRESHOLD_KEY]: previous.value }) })
  }
)

/**
 * Sets (or resets) an inventory item's low-stock threshold and emits
 * `inventory-item.updated`, like Medusa's own item updates, so the low-stock
 * subscriber re-evaluates the item against its new threshold.
 */
export const setLowStockThresholdWorkflow = createWorkflow(setLowStockThresholdWorkflowId, (input: SetLowStockThresholdInput) => {
  const updated = setThresholdStep(input)
  emitEventStep({ eventName: InventoryItemWorkflowEvents.UPDATED, data: { id: updated.id } })
  return new WorkflowResponse(updated)
})
