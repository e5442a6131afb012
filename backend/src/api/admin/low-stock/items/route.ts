import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { parseOrThrow } from "../../../../lib/admin-validation"
import { readShopSettings } from "../../../../config/env"
import { inventoryItemIdsOfVariant, readStockStatuses } from "../../../../lib/stock-status"
import { serializeStockStatus } from "../serialize"

const ItemsQuery = z
  .object({ variant_id: z.string().min(1).optional(), inventory_item_id: z.string().min(1).optional() })
  .refine((q) => Boolean(q.variant_id) !== Boolean(q.inventory_item_id), {
    message: "Geef precies één van variant_id en inventory_item_id op",
  })

/**
 * GET /admin/low-stock/items?variant_id=… | ?inventory_item_id=…
 *
 * Stock and threshold of the inventory items of one variant (a package has several)
 * or of one inventory item, low or not: what the threshold widget shows.
 *
 * 200 { default_threshold, items: [same shape as GET /admin/low-stock] }
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = parseOrThrow(ItemsQuery, req.query)
  const ids = q.variant_id ? await inventoryItemIdsOfVariant(req.scope, q.variant_id) : [q.inventory_item_id!]
  const { lowStockThreshold } = readShopSettings()
  const statuses = await readStockStatuses(req.scope, lowStockThreshold, { inventoryItemIds: ids })
  if (q.inventory_item_id && !statuses.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item ${q.inventory_item_id} has no stock levels or does not exist`)
  }
  res.json({ default_threshold: lowStockThreshold, items: statuses.map(serializeStockStatus) })
}
