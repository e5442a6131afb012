import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { parseOrThrow } from "../../../lib/admin-validation"
import { compareUrgency } from "../../../lib/low-stock"
import { readShopSettings } from "../../../config/env"
import { readItemVariants, readStockLevels } from "../../../lib/stock-status"
import { serializeStockStatus } from "./serialize"

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

/**
 * GET /admin/low-stock?limit=50&offset=0
 *
 * Inventory items whose available stock (stocked − reserved over all locations) is at
 * or below their threshold, most urgent first: available/threshold ascending, then
 * available. Each with the variants that use it (its own variant, and packages).
 *
 * 200 { default_threshold, count, limit, offset, items: [{ inventory_item_id, sku, title, name,
 *       threshold, threshold_source: "item"|"default", stocked_quantity, reserved_quantity,
 *       available_quantity, urgency, is_low, alerted_at, location_count,
 *       variants: [{ id, title, sku, product_id, product_title, required_quantity, is_kit }] }] }
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { limit, offset } = parseOrThrow(ListQuery, req.query)
  const { lowStockThreshold } = readShopSettings()
  const low = (await readStockLevels(req.scope, lowStockThreshold))
    .filter((s) => s.is_low)
    .sort((a, b) =>
      compareUrgency(
        { available: a.available_quantity, threshold: a.threshold, sku: a.sku },
        { available: b.available_quantity, threshold: b.threshold, sku: b.sku }
      )
    )
  const page = low.slice(offset, offset + limit)
  const variants = await readItemVariants(req.scope, page.map((s) => s.inventory_item_id))
  res.json({
    default_threshold: lowStockThreshold,
    count: low.length,
    limit,
    offset,
    items: page.map((s) => serializeStockStatus({ ...s, variants: variants.get(s.inventory_item_id) ?? [] })),
  })
}
