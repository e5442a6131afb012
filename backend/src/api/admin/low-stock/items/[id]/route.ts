import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { parseOrThrow } from "../../../../../lib/admin-validation"
import { MAX_THRESHOLD } from "../../../../../lib/low-stock"
import { readShopSettings } from "../../../../../config/env"
import { readStockStatuses } from "../../../../../lib/stock-status"
import { setLowStockThresholdWorkflow } from "../../../../../workflows/stock/set-low-stock-threshold"
import { serializeStockStatus } from "../../serialize"

const SetThreshold = z.object({
  threshold: z
    .number({ message: "De drempel moet een heel getal van 0 of meer zijn (of null voor de standaarddrempel)" })
    .int("De drempel moet een heel getal zijn")
    .min(0, "De drempel kan niet negatief zijn")
    .max(MAX_THRESHOLD, `De drempel kan niet hoger zijn dan ${MAX_THRESHOLD}`)
    .nullable(),
})

/**
 * POST /admin/low-stock/items/:id   { "threshold": 5 }  or  { "threshold": null }
 *
 * Sets the inventory item's own low-stock threshold (metadata `low_stock_threshold`),
 * or with null goes back to the shop-wide default. The item is re-evaluated at once:
 * crossing the new threshold e-mails staff.
 *
 * 200 { default_threshold, item: <stock status> }
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { threshold } = parseOrThrow(SetThreshold, req.body)
  await setLowStockThresholdWorkflow(req.scope).run({ input: { inventory_item_id: req.params.id, threshold } })
  const { lowStockThreshold } = readShopSettings()
  const [status] = await readStockStatuses(req.scope, lowStockThreshold, { inventoryItemIds: [req.params.id] })
  if (!status) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item ${req.params.id} has no stock levels`)
  res.json({ default_threshold: lowStockThreshold, item: serializeStockStatus(status) })
}
