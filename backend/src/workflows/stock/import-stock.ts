import { batchInventoryItemLevelsWorkflow } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportPlan } from "../../lib/stock-import"
import { planStockImportStep } from "./steps/plan-stock-import"

export const importStockWorkflowId = "import-stock"

export type ImportStockInput = { csv: string; dry_run?: boolean }
export type ImportStockResult = ImportPlan & { dry_run: boolean; written: boolean }

/**
 * Bulk stock update from a CSV (`sku,quantity[,location]`): sets each item's stocked
 * quantity at its location. All or nothing: the file is checked as a whole first and
 * nothing is written when any line has an error (or with dry_run); the write is
 * Medusa's batchInventoryItemLevelsWorkflow, whose steps restore the previous levels
 * if a later step fails (e.g. a `stockImported` hook handler that throws).
 */
export const importStockWorkflow = createWorkflow(importStockWorkflowId, (input: ImportStockInput) => {
  const plan = planStockImportStep({ csv: input.csv })

  const batch = transform({ plan, input }, ({ plan, input }) => {
    const write = !input.dry_run && plan.errors.length === 0
    const rows = write ? plan.rows : []
    return {
      write: write && rows.some((r) => r.current_quantity === null || r.difference !== 0),
      create: rows
        .filter((r) => r.current_quantity === null)
        .map((r) => ({ inventory_item_id: r.inventory_item_id, location_id: r.location_id, stocked_quantity: r.new_quantity })),
      update: rows
        .filter((r) => r.current_quantity !== null && r.difference !== 0)
        .map((r) => ({ inventory_item_id: r.inventory_item_id, location_id: r.location_id, stocked_quantity: r.new_quantity })),
    }
  })

  when({ batch }, ({ batch }) => batch.write).then(() => {
    batchInventoryItemLevelsWorkflow.runAsStep({ input: { create: batch.create, update: batch.update, delete: [] } })
  })

  const result = transform({ plan, batch, input }, ({ plan, batch, input }): ImportStockResult => ({
    ...plan,
    dry_run: Boolean(input.dry_run),
    written: batch.write,
  }))

  const stockImported = createHook("stockImported", { result })
  return new WorkflowResponse(result, { hooks: [stockImported] })
})
